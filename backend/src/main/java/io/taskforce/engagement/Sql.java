package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Explicit SQL for the engagement tables, run on the connection of the case transaction in progress (so row-level
 * security applies to every statement). Each statement also names its tenant ({@code tenant_id = ?}), or says why it
 * spans tenants ({@code /* across tenants: … *}{@code /}). Explicit rather than repositories: the running log's
 * filters, the search's union and the composite keys read better as SQL.
 */
@Singleton
class Sql {

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final JdbcOperations jdbc;

    Sql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    int update(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }

    <T> Optional<T> one(String sql, Binder binder, Reader<T> reader) {
        return many(sql, binder, reader).stream().findFirst();
    }

    <T> List<T> many(String sql, Binder binder, Reader<T> reader) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            try (var rs = ps.executeQuery()) {
                var rows = new ArrayList<T>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        });
    }

    /** Binds these values, in order, as {@link #bindAll} does. */
    static Binder params(Object... values) {
        return ps -> bindAll(ps, Arrays.asList(values));
    }

    /** Binds positional parameters of any type (nulls as SQL NULL, instants as timestamps). */
    static void bindAll(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            var p = params.get(i);
            if (p instanceof Instant at) {
                ps.setTimestamp(i + 1, Timestamp.from(at));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A person's display name from user_account aliased {@code u}. */
    static final String NAME = "coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username)";
}
