package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.messages.PublishedMessages;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The rumour table of the case transaction in progress. */
@Singleton
class RumourStore {

    private static final String SELECT = """
            select r.id, r.case_id, r.claim, r.source_url, r.first_seen_at, r.reach, r.status, r.resolved_at, r.resolved_by,
                   r.response_entry_id, e.text, r.created_by, r.created_at, e.message_id
            from rumour r left join log_entry e on e.tenant_id = r.tenant_id and e.id = r.response_entry_id""";

    private final Sql sql;
    private final PublishedMessages messages;

    RumourStore(Sql sql, PublishedMessages messages) {
        this.sql = sql;
        this.messages = messages;
    }

    void insert(UUID id, UUID tenantId, UUID caseId, String claim, @Nullable String sourceUrl, Instant firstSeenAt,
                @Nullable Integer reach, UUID by, Instant at) {
        sql.update("""
                insert into rumour (id, tenant_id, case_id, claim, source_url, first_seen_at, reach, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'WATCHING', ?, ?)""", ps -> Sql.bindAll(ps, Arrays.asList(id, tenantId, caseId,
                claim, sourceUrl, firstSeenAt, reach, by, at)));
    }

    void resolve(UUID tenantId, UUID id, RumourStatus status, Instant at, UUID by, UUID entryId) {
        sql.update("""
                update rumour set status = ?, resolved_at = ?, resolved_by = ?, response_entry_id = ?
                where tenant_id = ? and id = ?""", ps -> Sql.bindAll(ps, Arrays.asList(status, at, by, entryId, tenantId, id)));
    }

    /** The rumour's status, its row locked until the transaction ends. */
    Optional<RumourView> lock(UUID tenantId, UUID id) {
        sql.one("select 1 from rumour where tenant_id = ? and id = ? for update", Sql.params(tenantId, id), rs -> true);
        return find(tenantId, id);
    }

    Optional<RumourView> find(UUID tenantId, UUID id) {
        return titled(tenantId, sql.many(SELECT + " where r.tenant_id = ? and r.id = ?", Sql.params(tenantId, id), RumourStore::view))
                .stream().findFirst();
    }

    /** The locate step before {@code CaseAccess} checks the caller: staff have no tenant until the case names it. */
    Optional<UUID> caseOf(UUID id) {
        return sql.one("/* across tenants: locate the case of the rumour a route names, CaseAccess checks the caller next */"
                + " select case_id from rumour where id = ?", ps -> ps.setObject(1, id), rs -> rs.getObject(1, UUID.class));
    }

    /** Open rumours oldest first (the ones that have run longest), then the resolved ones, last resolved first. */
    List<RumourView> ofCase(UUID tenantId, UUID caseId, boolean openOnly) {
        return titled(tenantId, sql.many(SELECT + " where r.tenant_id = ? and r.case_id = ?"
                + (openOnly ? " and r.status = 'WATCHING'" : "")
                + " order by (r.status = 'WATCHING') desc, case when r.status = 'WATCHING' then r.first_seen_at end asc,"
                + " r.resolved_at desc, r.id", Sql.params(tenantId, caseId), RumourStore::view));
    }

    /** The answering messages' titles come from {@code messages}, which owns their tables. */
    private List<RumourView> titled(UUID tenantId, List<RumourView> rumours) {
        var ids = rumours.stream().map(RumourView::messageId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return rumours;
        }
        var titles = messages.titles(tenantId, ids);
        return rumours.stream().map(r -> r.messageId() == null ? r : r.withMessageTitle(titles.get(r.messageId()))).toList();
    }

    private static RumourView view(ResultSet rs) throws SQLException {
        var status = RumourStatus.valueOf(rs.getString(7));
        var firstSeen = rs.getTimestamp(5).toInstant();
        var resolved = Sql.instant(rs.getTimestamp(8));
        return new RumourView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                firstSeen, (Integer) rs.getObject(6), status, resolved, rs.getObject(9, UUID.class),
                rs.getObject(10, UUID.class), rs.getString(11), DebunkTime.minutes(status, firstSeen, resolved),
                rs.getObject(12, UUID.class), rs.getTimestamp(13).toInstant(),
                rs.getObject(14, UUID.class), null);
    }
}
