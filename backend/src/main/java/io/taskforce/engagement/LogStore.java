package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.taskforce.cases.Workstream;
import io.taskforce.messages.PublishedMessages;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** The running log's table: insert-only, read newest first with filters and a keyset. */
@Singleton
class LogStore {

    private static final String SELECT = """
            select e.id, e.case_id, e.occurred_at, e.recorded_at, e.author_id, %s, e.kind, e.workstream, e.text, e.links,
                   e.task_id, e.public, e.event, e.params::text, e.message_id
            from log_entry e join user_account u on u.id = e.author_id""".formatted(Sql.NAME);

    /** A new entry as the service builds it. */
    record NewRow(UUID id, UUID tenantId, UUID caseId, Instant occurredAt, Instant recordedAt, UUID authorId, LogKind kind,
                  @Nullable Workstream workstream, String text, List<String> links, @Nullable UUID taskId, boolean isPublic,
                  @Nullable String event, Map<String, String> params, @Nullable UUID messageId) {
    }

    /** The filters of the log's list; null means "any". */
    record Filter(@Nullable Workstream workstream, boolean publicOnly, @Nullable UUID author, @Nullable Instant from,
                  @Nullable Instant to) {
    }

    private final Sql sql;
    private final ObjectMapper json;
    private final PublishedMessages messages;

    LogStore(Sql sql, ObjectMapper json, PublishedMessages messages) {
        this.sql = sql;
        this.json = json;
        this.messages = messages;
    }

    void insert(NewRow r) {
        String params;
        try {
            params = json.writeValueAsString(r.params());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql.update("""
                insert into log_entry (id, tenant_id, case_id, occurred_at, recorded_at, author_id, kind, workstream, text,
                                       links, task_id, public, event, params, message_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""", ps -> {
            Sql.bindAll(ps, Arrays.asList(r.id(), r.tenantId(), r.caseId(), r.occurredAt(), r.recordedAt(), r.authorId(),
                    r.kind(), r.workstream(), r.text()));
            ps.setArray(10, ps.getConnection().createArrayOf("text", r.links().toArray()));
            ps.setObject(11, r.taskId());
            ps.setBoolean(12, r.isPublic());
            ps.setString(13, r.event());
            ps.setString(14, params);
            ps.setObject(15, r.messageId());
        });
    }

    LogEntryView find(UUID tenantId, UUID id) {
        return titled(tenantId, sql.many(SELECT + " where e.tenant_id = ? and e.id = ?", Sql.params(tenantId, id), this::view)).get(0);
    }

    /** Newest fact first; {@code limit + 1} rows so that the caller knows whether a next page exists. */
    List<LogEntryView> page(UUID tenantId, UUID caseId, Filter f, @Nullable Instant afterAt, @Nullable UUID afterId, int limit) {
        var where = new StringBuilder(" where e.tenant_id = ? and e.case_id = ?");
        var params = new ArrayList<Object>(List.of(tenantId, caseId));
        if (f.workstream() != null) {
            where.append(" and e.workstream = ?");
            params.add(f.workstream());
        }
        if (f.publicOnly()) {
            where.append(" and e.public");
        }
        if (f.author() != null) {
            where.append(" and e.author_id = ?");
            params.add(f.author());
        }
        if (f.from() != null) {
            where.append(" and e.occurred_at >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            where.append(" and e.occurred_at < ?");
            params.add(f.to());
        }
        if (afterAt != null && afterId != null) {
            where.append(" and (e.occurred_at, e.id) < (?, ?)");
            params.add(afterAt);
            params.add(afterId);
        }
        params.add(limit + 1);
        return titled(tenantId, sql.many(SELECT + where + " order by e.occurred_at desc, e.id desc limit ?",
                ps -> Sql.bindAll(ps, params), this::view));
    }

    /** Every entry of a case, oldest first (the report's timeline). */
    List<LogEntryView> all(UUID tenantId, UUID caseId, boolean publicOnly) {
        return titled(tenantId, sql.many(SELECT + " where e.tenant_id = ? and e.case_id = ?" + (publicOnly ? " and e.public" : "")
                + " order by e.occurred_at, e.id", Sql.params(tenantId, caseId), this::view));
    }

    boolean taskOfCase(UUID tenantId, UUID taskId, UUID caseId) {
        return sql.one("select 1 from case_task where tenant_id = ? and id = ? and case_id = ?",
                Sql.params(tenantId, taskId, caseId), rs -> true).isPresent();
    }

    /** The linked messages' titles come from {@code messages}, which owns their tables (one query per page). */
    private List<LogEntryView> titled(UUID tenantId, List<LogEntryView> entries) {
        var ids = entries.stream().map(LogEntryView::messageId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return entries;
        }
        var titles = messages.titles(tenantId, ids);
        return entries.stream().map(e -> e.messageId() == null ? e : e.withMessageTitle(titles.get(e.messageId()))).toList();
    }

    @SuppressWarnings("unchecked")
    private LogEntryView view(ResultSet rs) throws SQLException {
        Map<String, String> params;
        try {
            params = json.readValue(rs.getString(14), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var ws = rs.getString(8);
        return new LogEntryView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class), rs.getString(6), LogKind.valueOf(rs.getString(7)),
                ws == null ? null : Workstream.valueOf(ws), rs.getString(9), List.of((String[]) rs.getArray(10).getArray()),
                rs.getObject(11, UUID.class), rs.getBoolean(12), rs.getString(13) != null, rs.getString(13), params,
                rs.getObject(15, UUID.class), null);
    }
}
