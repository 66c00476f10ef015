package io.taskforce.reputation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.reputation.ReputationRecords.ActionRow;
import io.taskforce.reputation.ReputationRecords.Classification;
import io.taskforce.reputation.ReputationRecords.QueryRow;
import io.taskforce.reputation.ReputationRecords.ResultRow;
import io.taskforce.reputation.ReputationRecords.SnapshotRow;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reputation tables in explicit SQL: imports insert tens of thousands of results, which only JDBC batches do
 * quickly, and cleanup actions are locked ({@code for update}) while their state moves. Runs inside the caller's case
 * transaction, so row-level security applies to every statement; each one also names the case's tenant, so that
 * row-level security is the second wall and not the only one.
 */
@Singleton
class SerpStore {

    private static final String QUERY = "select id, tenant_id, case_id, query, engine, country, language, target_date, created_at from serp_query";
    private static final String ACTION = """
            select id, tenant_id, case_id, kind, title, status, urls, note, submitted_on, created_by, created_at, updated_at
            from cleanup_action""";
    private static final int BATCH = 1000;
    private static final int UNNEST_CHUNK = 5000;

    private final JdbcOperations jdbc;

    SerpStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<QueryRow> queries(UUID tenantId, UUID caseId) {
        return many(QUERY + " where tenant_id = ? and case_id = ? order by created_at, query", params(tenantId, caseId),
                SerpStore::query);
    }

    Optional<QueryRow> query(UUID tenantId, UUID caseId, UUID id) {
        return many(QUERY + " where tenant_id = ? and case_id = ? and id = ?", params(tenantId, caseId, id), SerpStore::query)
                .stream().findFirst();
    }

    void insertQuery(QueryRow q, UUID by) {
        update("""
                insert into serp_query (tenant_id, id, case_id, query, engine, country, language, target_date, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, q.tenantId());
            ps.setObject(2, q.id());
            ps.setObject(3, q.caseId());
            ps.setString(4, q.query());
            ps.setString(5, q.engine());
            ps.setString(6, q.country());
            ps.setString(7, q.language());
            ps.setObject(8, q.targetDate());
            ps.setObject(9, by);
            ps.setTimestamp(10, Timestamp.from(q.createdAt()));
        });
    }

    void setTarget(UUID tenantId, UUID queryId, @Nullable LocalDate target) {
        update("update serp_query set target_date = ? where tenant_id = ? and id = ?", params(target, tenantId, queryId));
    }

    /** Every snapshot of the case, by query then date. */
    List<SnapshotRow> snapshots(UUID tenantId, UUID caseId) {
        return many("""
                select id, query_id, taken_on, source from serp_snapshot where tenant_id = ? and case_id = ?
                order by query_id, taken_on""", params(tenantId, caseId), rs -> new SnapshotRow(rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class), rs.getString(4)));
    }

    /** Every result of the case, grouped by snapshot id, by position. */
    Map<UUID, List<ResultRow>> results(UUID tenantId, UUID caseId) {
        var bySnapshot = new HashMap<UUID, List<ResultRow>>();
        many("""
                select snapshot_id, position, url, domain, title, ownership, tone from serp_result
                where tenant_id = ? and case_id = ? order by snapshot_id, position""", params(tenantId, caseId), rs -> {
            var row = new ResultRow(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), en(Ownership.class, rs.getString(6)), en(Tone.class, rs.getString(7)));
            bySnapshot.computeIfAbsent(row.snapshotId(), k -> new ArrayList<>()).add(row);
            return row;
        });
        return bySnapshot;
    }

    boolean snapshotExists(UUID tenantId, UUID queryId, LocalDate date) {
        return !many("select 1 from serp_snapshot where tenant_id = ? and query_id = ? and taken_on = ?",
                params(tenantId, queryId, date), rs -> 1).isEmpty();
    }

    void insertSnapshot(UUID tenantId, UUID caseId, SnapshotRow s, UUID by, Instant at) {
        update("""
                insert into serp_snapshot (tenant_id, id, case_id, query_id, taken_on, source, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, s.id());
            ps.setObject(3, caseId);
            ps.setObject(4, s.queryId());
            ps.setObject(5, s.takenOn());
            ps.setString(6, s.source());
            ps.setObject(7, by);
            ps.setTimestamp(8, Timestamp.from(at));
        });
    }

    void insertSnapshots(UUID tenantId, UUID caseId, List<SnapshotRow> snapshots, UUID by, Instant at) {
        batch("""
                insert into serp_snapshot (tenant_id, id, case_id, query_id, taken_on, source, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", snapshots, (ps, s) -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, s.id());
            ps.setObject(3, caseId);
            ps.setObject(4, s.queryId());
            ps.setObject(5, s.takenOn());
            ps.setString(6, s.source());
            ps.setObject(7, by);
            ps.setTimestamp(8, Timestamp.from(at));
        });
    }

    /**
     * Inserts results as arrays unnested by the server, a few thousand rows per statement: a 50,000-row import is then
     * a handful of round trips instead of 50,000 (row-level security still checks every row).
     */
    void insertResults(UUID tenantId, UUID caseId, List<ResultRow> results) {
        for (int from = 0; from < results.size(); from += UNNEST_CHUNK) {
            var chunk = results.subList(from, Math.min(results.size(), from + UNNEST_CHUNK));
            update("""
                    insert into serp_result (tenant_id, snapshot_id, case_id, position, url, domain, title, ownership, tone)
                    select ?, r.snapshot_id, ?, r.position, r.url, r.domain, r.title, r.ownership, r.tone
                    from unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                         as r (snapshot_id, position, url, domain, title, ownership, tone)""", ps -> {
                var c = ps.getConnection();
                ps.setObject(1, tenantId);
                ps.setObject(2, caseId);
                ps.setArray(3, c.createArrayOf("uuid", chunk.stream().map(ResultRow::snapshotId).toArray()));
                ps.setArray(4, c.createArrayOf("int4", chunk.stream().map(ResultRow::position).toArray()));
                ps.setArray(5, c.createArrayOf("text", chunk.stream().map(ResultRow::url).toArray()));
                ps.setArray(6, c.createArrayOf("text", chunk.stream().map(ResultRow::domain).toArray()));
                ps.setArray(7, c.createArrayOf("text", chunk.stream().map(ResultRow::title).toArray()));
                ps.setArray(8, c.createArrayOf("text", chunk.stream().map(r -> r.ownership() == null ? null : r.ownership().name()).toArray()));
                ps.setArray(9, c.createArrayOf("text", chunk.stream().map(r -> r.tone() == null ? null : r.tone().name()).toArray()));
            });
        }
    }

    Map<String, Classification> classifications(UUID tenantId, UUID caseId) {
        var map = new HashMap<String, Classification>();
        many("select url, ownership, tone from serp_classification where tenant_id = ? and case_id = ?",
                params(tenantId, caseId), rs -> map.put(rs.getString(1),
                        new Classification(en(Ownership.class, rs.getString(2)), en(Tone.class, rs.getString(3)))));
        return map;
    }

    Optional<Classification> classification(UUID tenantId, UUID caseId, String url) {
        return Optional.ofNullable(classifications(tenantId, caseId).get(url));
    }

    /** Remembers how URLs are classified in the case; an empty half of a classification keeps what was known. */
    void remember(UUID tenantId, UUID caseId, Map<String, Classification> byUrl, UUID by, Instant at) {
        batch("""
                insert into serp_classification (tenant_id, case_id, url, ownership, tone, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, case_id, url) do update set
                    ownership = coalesce(excluded.ownership, serp_classification.ownership),
                    tone = coalesce(excluded.tone, serp_classification.tone),
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at""",
                List.copyOf(byUrl.entrySet()), (ps, e) -> {
                    ps.setObject(1, tenantId);
                    ps.setObject(2, caseId);
                    ps.setString(3, e.getKey());
                    ps.setString(4, e.getValue().ownership() == null ? null : e.getValue().ownership().name());
                    ps.setString(5, e.getValue().tone() == null ? null : e.getValue().tone().name());
                    ps.setObject(6, by);
                    ps.setTimestamp(7, Timestamp.from(at));
                });
    }

    /**
     * Applies a classification to the URL's results that were still unclassified and to those of each query's latest
     * snapshot; older classified results keep what they were, so past metrics do not move. Returns the rows changed.
     */
    int classifyResults(UUID tenantId, UUID caseId, String url, Classification c) {
        return jdbc.prepareStatement("""
                update serp_result r set ownership = ?, tone = ? where r.tenant_id = ? and r.case_id = ? and r.url = ?
                  and (r.ownership is null or r.tone is null or r.snapshot_id in (
                       select distinct on (s.query_id) s.id from serp_snapshot s where s.tenant_id = ? and s.case_id = ?
                       order by s.query_id, s.taken_on desc))""", ps -> {
            params(name(c.ownership()), name(c.tone()), tenantId, caseId, url, tenantId, caseId).bind(ps);
            return ps.executeUpdate();
        });
    }

    /** The case's title, for the report's heading (read under the same row-level security as everything else). */
    String caseTitle(UUID tenantId, UUID caseId) {
        return many("select title from case_file where tenant_id = ? and id = ?", params(tenantId, caseId),
                rs -> rs.getString(1)).stream().findFirst().orElse("");
    }

    /** The tenant's case of this title the caller may see (the demo seeding finds its case by it). */
    Optional<UUID> caseOfTitle(UUID tenantId, String title) {
        return many("select id from case_file where tenant_id = ? and title = ? order by reported_at, id limit 1",
                params(tenantId, title), rs -> rs.getObject(1, UUID.class)).stream().findFirst();
    }

    List<ActionRow> actions(UUID tenantId, UUID caseId) {
        return many(ACTION + " where tenant_id = ? and case_id = ? order by created_at, id", params(tenantId, caseId),
                SerpStore::action);
    }

    Optional<ActionRow> lockAction(UUID tenantId, UUID caseId, UUID id) {
        return many(ACTION + " where tenant_id = ? and case_id = ? and id = ? for update", params(tenantId, caseId, id),
                SerpStore::action).stream().findFirst();
    }

    void insertAction(ActionRow a) {
        update("""
                insert into cleanup_action (tenant_id, id, case_id, kind, title, status, urls, note, submitted_on, created_by,
                                            created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, a.tenantId());
            ps.setObject(2, a.id());
            ps.setObject(3, a.caseId());
            ps.setString(4, a.kind().name());
            ps.setString(5, a.title());
            ps.setString(6, a.status().name());
            ps.setArray(7, ps.getConnection().createArrayOf("text", a.urls().toArray()));
            ps.setString(8, a.note());
            ps.setObject(9, a.submittedOn());
            ps.setObject(10, a.createdBy());
            ps.setTimestamp(11, Timestamp.from(a.createdAt()));
            ps.setTimestamp(12, Timestamp.from(a.updatedAt()));
        });
    }

    void updateAction(ActionRow a) {
        update("""
                update cleanup_action set status = ?, note = ?, submitted_on = ?, updated_at = ?
                where tenant_id = ? and id = ?""", ps -> {
            ps.setString(1, a.status().name());
            ps.setString(2, a.note());
            ps.setObject(3, a.submittedOn());
            ps.setTimestamp(4, Timestamp.from(a.updatedAt()));
            ps.setObject(5, a.tenantId());
            ps.setObject(6, a.id());
        });
    }

    private static QueryRow query(ResultSet rs) throws SQLException {
        return new QueryRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                rs.getTimestamp(9).toInstant());
    }

    private static ActionRow action(ResultSet rs) throws SQLException {
        Date submitted = rs.getDate(9);
        return new ActionRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                CleanupKind.valueOf(rs.getString(4)), rs.getString(5), CleanupStatus.valueOf(rs.getString(6)),
                Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getString(8),
                submitted == null ? null : submitted.toLocalDate(), rs.getObject(10, UUID.class),
                rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant());
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> @Nullable E en(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Binds these values in order: ids, strings and dates as they are (a null as SQL NULL). */
    private static Binder params(Object... values) {
        return ps -> {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
        };
    }

    interface ItemBinder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }

    private <T> void batch(String sql, List<T> items, ItemBinder<T> binder) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
            int pending = 0;
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
            return null;
        });
    }

    private <T> List<T> many(String sql, Binder binder, Reader<T> reader) {
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
}
