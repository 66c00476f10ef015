package io.taskforce.legal;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The little JDBC the legal stores share: statements run inside the caller's transaction (row-level security applies
 * to each), rows mapped by a function. Explicit SQL because the legal tables have composite keys, arrays and
 * {@code for update} locks.
 */
@Singleton
class Sql {

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    <T> List<T> many(String sql, Binder binder, Mapper<T> mapper) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            try (var rs = ps.executeQuery()) {
                var rows = new ArrayList<T>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    <T> Optional<T> one(String sql, Binder binder, Mapper<T> mapper) {
        return many(sql, binder, mapper).stream().findFirst();
    }

    /**
     * The case of the legal object a route names, found before {@link io.taskforce.cases.CaseAccess} checks that the
     * caller may act on it: staff have no tenant until that check, so this one statement looks across tenants (row-level
     * security still shows only what the caller may see). {@code table} is a legal table's name, never input.
     */
    Optional<UUID> caseOf(String table, UUID id) {
        return one("/* across tenants: locate the case of the object a route names, before CaseAccess checks the caller */ "
                + "select case_id from " + table + " where id = ?", ps -> ps.setObject(1, id), rs -> rs.getObject(1, UUID.class));
    }

    int update(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }

    /** Binds {@code values} in order, for statements whose parameters are ids and plain values. */
    static Binder params(Object... values) {
        return ps -> {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
        };
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
