package io.taskforce.legal;

import io.taskforce.legal.ActionRecords.ActionRow;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.taskforce.legal.Sql.instant;
import static io.taskforce.legal.Sql.params;
import static io.taskforce.legal.Sql.ts;

/** The legal actions of a case. */
@Singleton
class ActionStore {

    private static final String ACTION = """
            select id, tenant_id, case_id, kind, status, title, recipient, urls, reasons, notifier_identity, good_faith,
                   publication_id, sent_at, answered_at, created_by, created_at, updated_at from legal_action""";

    private final Sql sql;

    ActionStore(Sql sql) {
        this.sql = sql;
    }

    void insert(ActionRow a) {
        sql.update("""
                insert into legal_action (id, tenant_id, case_id, kind, status, title, recipient, urls, reasons,
                    notifier_identity, good_faith, publication_id, sent_at, answered_at, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, a.id());
            ps.setObject(2, a.tenantId());
            ps.setObject(3, a.caseId());
            ps.setString(4, a.kind().name());
            ps.setString(5, a.status().name());
            ps.setString(6, a.title());
            ps.setString(7, a.recipient());
            ps.setArray(8, ps.getConnection().createArrayOf("text", a.urls().toArray()));
            ps.setString(9, a.reasons());
            ps.setString(10, a.notifierIdentity());
            ps.setBoolean(11, a.goodFaith());
            ps.setObject(12, a.publicationId());
            ps.setTimestamp(13, ts(a.sentAt()));
            ps.setTimestamp(14, ts(a.answeredAt()));
            ps.setObject(15, a.createdBy());
            ps.setTimestamp(16, ts(a.createdAt()));
            ps.setTimestamp(17, ts(a.updatedAt()));
        });
    }

    void move(ActionRow a) {
        sql.update("update legal_action set status = ?, sent_at = ?, answered_at = ?, updated_at = ? where tenant_id = ? and id = ?", ps -> {
            ps.setString(1, a.status().name());
            ps.setTimestamp(2, ts(a.sentAt()));
            ps.setTimestamp(3, ts(a.answeredAt()));
            ps.setTimestamp(4, ts(a.updatedAt()));
            ps.setObject(5, a.tenantId());
            ps.setObject(6, a.id());
        });
    }

    /** The case of an action a route names, to check the caller against (see {@link Sql#caseOf}). */
    Optional<UUID> caseOf(UUID actionId) {
        return sql.caseOf("legal_action", actionId);
    }

    Optional<ActionRow> lock(UUID tenantId, UUID id) {
        return sql.one(ACTION + " where tenant_id = ? and id = ? for update", params(tenantId, id), ActionStore::action);
    }

    List<ActionRow> ofCase(UUID tenantId, UUID caseId) {
        return sql.many(ACTION + " where tenant_id = ? and case_id = ? order by created_at, id", params(tenantId, caseId),
                ActionStore::action);
    }

    private static ActionRow action(ResultSet rs) throws SQLException {
        return new ActionRow(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("case_id", UUID.class), ActionKind.valueOf(rs.getString("kind")),
                ActionStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("recipient"),
                Arrays.asList((String[]) rs.getArray("urls").getArray()), rs.getString("reasons"),
                rs.getString("notifier_identity"), rs.getBoolean("good_faith"), rs.getObject("publication_id", UUID.class),
                instant(rs, "sent_at"), instant(rs, "answered_at"), rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
