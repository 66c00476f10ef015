package io.taskforce.legal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The deadline rules (platform data, no tenant), in explicit SQL: versions have a composite key and an array column,
 * and an edit locks the current version while it adds the next.
 */
@Singleton
class RuleStore {

    private static final String COLUMNS = """
            select id, version, name_fr, name_en, basis, text_version, trigger_kind, amount, unit, counting, reminders,
                   edited_at from legal_rule""";

    /** A rule version and when it was made (the shipped versions carry the migration's time). */
    record Stored(DeadlineRule rule, Instant editedAt) {
    }

    private final JdbcOperations jdbc;

    RuleStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Stored> current() {
        return jdbc.prepareStatement(COLUMNS + " where current order by id", ps -> {
            try (var rs = ps.executeQuery()) {
                var rows = new ArrayList<Stored>();
                while (rs.next()) {
                    rows.add(read(rs));
                }
                return rows;
            }
        });
    }

    Optional<Stored> current(String id) {
        return one(COLUMNS + " where id = ? and current", id, null, false);
    }

    /** The current version, locked until the transaction ends: two edits of one rule queue up. */
    Optional<Stored> lockCurrent(String id) {
        return one(COLUMNS + " where id = ? and current for update", id, null, false);
    }

    Optional<Stored> version(String id, int version) {
        return one(COLUMNS + " where id = ? and version = ?", id, version, true);
    }

    void supersede(DeadlineRule previous, DeadlineRule next, UUID editedBy, Instant at) {
        jdbc.prepareStatement("update legal_rule set current = false where id = ? and version = ?", ps -> {
            ps.setString(1, previous.id());
            ps.setInt(2, previous.version());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("""
                insert into legal_rule (id, version, name_fr, name_en, basis, text_version, trigger_kind, amount, unit,
                                        counting, reminders, current, edited_by, edited_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)""", ps -> {
            ps.setString(1, next.id());
            ps.setInt(2, next.version());
            ps.setString(3, next.nameFr());
            ps.setString(4, next.nameEn());
            ps.setString(5, next.basis());
            ps.setString(6, next.textVersion());
            ps.setString(7, next.trigger().name());
            ps.setInt(8, next.amount());
            ps.setString(9, next.unit().name());
            ps.setString(10, next.counting().name());
            ps.setArray(11, ps.getConnection().createArrayOf("text", next.reminders().toArray()));
            ps.setObject(12, editedBy);
            ps.setTimestamp(13, Timestamp.from(at));
            return ps.executeUpdate();
        });
    }

    private Optional<Stored> one(String sql, String id, @Nullable Integer version, boolean withVersion) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, id);
            if (withVersion) {
                ps.setInt(2, version);
            }
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.<Stored>empty();
            }
        });
    }

    private static Stored read(ResultSet rs) throws SQLException {
        var reminders = Arrays.stream((String[]) rs.getArray("reminders").getArray()).toList();
        return new Stored(new DeadlineRule(rs.getString("id"), rs.getInt("version"), rs.getString("name_fr"),
                rs.getString("name_en"), rs.getString("basis"), rs.getString("text_version"),
                TriggerKind.valueOf(rs.getString("trigger_kind")), rs.getInt("amount"),
                PeriodUnit.valueOf(rs.getString("unit")), Counting.valueOf(rs.getString("counting")), reminders),
                rs.getTimestamp("edited_at").toInstant());
    }
}
