package io.taskforce.messages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.messages.MessageRecords.ApprovalRow;
import io.taskforce.messages.MessageRecords.CaseFacts;
import io.taskforce.messages.MessageRecords.ChangeRequestRow;
import io.taskforce.messages.MessageRecords.MessageRow;
import io.taskforce.messages.MessageRecords.PublicationRow;
import io.taskforce.messages.MessageRecords.RevisionRow;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The message tables, in explicit SQL: the gate needs {@code select ... for update} on the message row, and the
 * insert-only fact tables (revisions, approvals, publications) have composite keys that read better as SQL than as
 * repository entities. Runs inside the caller's case transaction, so row-level security applies to every statement.
 */
@Singleton
class MessageStore {

    private static final String MESSAGE = """
            select id, tenant_id, case_id, kind, state, current_revision, template_id, created_by, created_at,
                   updated_at, published_at, withdrawn_at from message""";
    private static final String REVISION = """
            select r.number, r.title, r.body, r.channels, r.audience, r.language, r.sha256, r.author_id,
                   coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username) as author_name,
                   r.created_at, r.template_id
            from message_revision r join user_account u on u.id = r.author_id""";

    private static final String TEMPLATE = """
            select t.id, t.crisis_type, t.kind, t.language, t.title, t.body, t.sha256, t.approved_by,
                   coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username), t.approved_at,
                   t.approved_sha256
            from message_template t left join user_account u on u.id = t.approved_by""";

    private final JdbcOperations jdbc;

    MessageStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(MessageRow m) {
        update("""
                insert into message (id, tenant_id, case_id, kind, state, current_revision, template_id, created_by,
                                     created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, m.id());
            ps.setObject(2, m.tenantId());
            ps.setObject(3, m.caseId());
            ps.setString(4, m.kind().name());
            ps.setString(5, m.state().name());
            ps.setInt(6, m.currentRevision());
            ps.setString(7, m.templateId());
            ps.setObject(8, m.createdBy());
            ps.setTimestamp(9, Timestamp.from(m.createdAt()));
            ps.setTimestamp(10, Timestamp.from(m.updatedAt()));
        });
    }

    void insertRevision(MessageRow m, RevisionRow r, @Nullable String templateSha256) {
        update("""
                insert into message_revision (tenant_id, message_id, case_id, number, title, body, channels, audience,
                                              language, sha256, author_id, created_at, template_id, template_sha256)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, m.tenantId());
            ps.setObject(2, m.id());
            ps.setObject(3, m.caseId());
            ps.setInt(4, r.number());
            ps.setString(5, r.content().title());
            ps.setString(6, r.content().body());
            ps.setArray(7, texts(ps, r.content().channels()));
            ps.setArray(8, texts(ps, r.content().audience()));
            ps.setString(9, r.content().language());
            ps.setString(10, r.sha256());
            ps.setObject(11, r.authorId());
            ps.setTimestamp(12, Timestamp.from(r.createdAt()));
            ps.setString(13, r.templateId());
            ps.setString(14, templateSha256);
        });
    }

    /** The message row, locked until the transaction ends: every state change goes through here first. */
    Optional<MessageRow> lock(UUID tenantId, UUID id) {
        return one(MESSAGE + " where tenant_id = ? and id = ? for update", params(tenantId, id), MessageStore::message);
    }

    Optional<MessageRow> find(UUID tenantId, UUID id) {
        return one(MESSAGE + " where tenant_id = ? and id = ?", params(tenantId, id), MessageStore::message);
    }

    /**
     * The case of a message a route names, found before {@code CaseAccess} checks that the caller may act on it: staff
     * have no tenant until that check, so this one statement looks across tenants (row-level security still applies).
     */
    Optional<UUID> caseOf(UUID id) {
        return one("/* across tenants: locate the case of the message a route names, before CaseAccess checks the caller */ "
                + "select case_id from message where id = ?", ps -> ps.setObject(1, id), rs -> rs.getObject(1, UUID.class));
    }

    List<MessageRow> ofCase(UUID tenantId, UUID caseId) {
        return many(MESSAGE + " where tenant_id = ? and case_id = ? order by updated_at desc, id", params(tenantId, caseId),
                MessageStore::message);
    }

    void move(MessageRow m) {
        update("""
                update message set state = ?, current_revision = ?, updated_at = ?, published_at = ?, withdrawn_at = ?
                where tenant_id = ? and id = ?""", ps -> {
            ps.setString(1, m.state().name());
            ps.setInt(2, m.currentRevision());
            ps.setTimestamp(3, Timestamp.from(m.updatedAt()));
            ps.setTimestamp(4, m.publishedAt() == null ? null : Timestamp.from(m.publishedAt()));
            ps.setTimestamp(5, m.withdrawnAt() == null ? null : Timestamp.from(m.withdrawnAt()));
            ps.setObject(6, m.tenantId());
            ps.setObject(7, m.id());
        });
    }

    Optional<RevisionRow> revision(UUID tenantId, UUID messageId, int number) {
        return one(REVISION + " where r.tenant_id = ? and r.message_id = ? and r.number = ?", params(tenantId, messageId, number),
                MessageStore::revision);
    }

    List<RevisionRow> revisions(UUID tenantId, UUID messageId) {
        return many(REVISION + " where r.tenant_id = ? and r.message_id = ? order by r.number", params(tenantId, messageId),
                MessageStore::revision);
    }

    List<ApprovalRow> approvals(UUID tenantId, UUID messageId) {
        return many("""
                select a.revision, a.sha256, a.lawyer_id,
                       coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username), a.at, a.template_id
                from message_approval a join user_account u on u.id = a.lawyer_id
                where a.tenant_id = ? and a.message_id = ? order by a.at""",
                params(tenantId, messageId), rs -> new ApprovalRow(rs.getInt(1), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)));
    }

    List<PublicationRow> publications(UUID tenantId, UUID messageId) {
        return many("""
                select revision, sha256, published_by, at from message_publication
                where tenant_id = ? and message_id = ? order by at""",
                params(tenantId, messageId), rs -> new PublicationRow(rs.getInt(1), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant()));
    }

    List<ChangeRequestRow> changeRequests(UUID tenantId, UUID messageId) {
        return many("""
                select c.revision, c.lawyer_id,
                       coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username), c.comment, c.at
                from message_change_request c join user_account u on u.id = c.lawyer_id
                where c.tenant_id = ? and c.message_id = ? order by c.at""",
                params(tenantId, messageId), rs -> new ChangeRequestRow(rs.getInt(1), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
    }

    void approve(MessageRow m, int revision, String sha256, UUID lawyerId, Instant at, @Nullable String templateId) {
        update("""
                insert into message_approval (tenant_id, message_id, case_id, revision, sha256, lawyer_id, at, template_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            fact(ps, m, revision);
            ps.setString(5, sha256);
            ps.setObject(6, lawyerId);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setString(8, templateId);
        });
    }

    void requestChanges(MessageRow m, int revision, UUID lawyerId, String comment, Instant at) {
        update("""
                insert into message_change_request (tenant_id, message_id, case_id, revision, lawyer_id, comment, at)
                values (?, ?, ?, ?, ?, ?, ?)""", ps -> {
            fact(ps, m, revision);
            ps.setObject(5, lawyerId);
            ps.setString(6, comment);
            ps.setTimestamp(7, Timestamp.from(at));
        });
    }

    void publish(MessageRow m, int revision, String sha256, UUID by, Instant at) {
        update("""
                insert into message_publication (tenant_id, message_id, case_id, revision, sha256, published_by, at)
                values (?, ?, ?, ?, ?, ?, ?)""", ps -> {
            fact(ps, m, revision);
            ps.setString(5, sha256);
            ps.setObject(6, by);
            ps.setTimestamp(7, Timestamp.from(at));
        });
    }

    /** A review request; submitting the same words again after changes were asked reopens it from the start. */
    void requestReview(MessageRow m, int revision, UUID by, Instant at, Instant due, @Nullable UUID legalLead,
                       String caseTitle, String messageTitle) {
        update("""
                insert into message_review_request (tenant_id, message_id, case_id, revision, requested_by, requested_at,
                                                    due_at, legal_lead_id, case_title, message_title)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, message_id, revision) do update set requested_by = excluded.requested_by,
                    requested_at = excluded.requested_at, due_at = excluded.due_at, level = 0,
                    legal_lead_id = excluded.legal_lead_id, message_title = excluded.message_title, answered_at = null""", ps -> {
            fact(ps, m, revision);
            ps.setObject(5, by);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setTimestamp(7, Timestamp.from(due));
            ps.setObject(8, legalLead);
            ps.setString(9, caseTitle);
            ps.setString(10, messageTitle);
        });
    }

    /** Any answer, or a new revision, closes the message's open review request: nobody escalates it any more. */
    void closeReviews(MessageRow m, Instant at) {
        update("""
                update message_review_request set answered_at = ?
                where tenant_id = ? and message_id = ? and answered_at is null""", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, m.tenantId());
            ps.setObject(3, m.id());
        });
    }

    /** The case's title and severity, its legal lead, and its lawyers: who reviews, and how fast. */
    CaseFacts caseFacts(UUID tenantId, UUID caseId) {
        var head = one("select title, severity from case_file where tenant_id = ? and id = ?", params(tenantId, caseId),
                rs -> new Object[]{rs.getString(1), (Integer) rs.getObject(2)}).orElseThrow();
        var lawyers = new ArrayList<UUID>();
        UUID[] lead = {null};
        many("""
                select m.user_id, m.lead and m.workstream = 'LEGAL' from case_member m join user_account u on u.id = m.user_id
                where m.tenant_id = ? and m.case_id = ? and u.role = 'lawyer' and u.active""", params(tenantId, caseId), rs -> {
            var id = rs.getObject(1, UUID.class);
            lawyers.add(id);
            if (rs.getBoolean(2)) {
                lead[0] = id;
            }
            return id;
        });
        return new CaseFacts((String) head[0], (Integer) head[1], lead[0], List.copyOf(lawyers));
    }

    /**
     * The title each message was last published under, for those of {@code ids} that were ever published (a withdrawn
     * one keeps its title: what it said then is part of the story), among the messages of {@code tenantId}; row-level
     * security also limits it to what the caller reads.
     */
    Map<UUID, Published> lastPublished(UUID tenantId, Collection<UUID> ids) {
        var found = new HashMap<UUID, Published>();
        if (ids.isEmpty()) {
            return found;
        }
        many("""
                select m.id, m.case_id, m.state, r.title
                from message m
                join lateral (select p.revision from message_publication p
                              where p.tenant_id = m.tenant_id and p.message_id = m.id order by p.at desc limit 1) p on true
                join message_revision r on r.tenant_id = m.tenant_id and r.message_id = m.id and r.number = p.revision
                where m.tenant_id = ? and m.id = any(?)""", ps -> {
                    ps.setObject(1, tenantId);
                    ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids.toArray()));
                },
                rs -> found.put(rs.getObject(1, UUID.class), new Published(rs.getObject(2, UUID.class),
                        MessageState.valueOf(rs.getString(3)), rs.getString(4))));
        return found;
    }

    /** A published message as {@link #lastPublished} reads it. */
    record Published(UUID caseId, MessageState state, String title) {
    }

    List<MessageTemplate> templates() {
        return many(TEMPLATE + " order by t.crisis_type, t.language", ps -> { }, MessageStore::template);
    }

    Optional<MessageTemplate> template(String id) {
        return one(TEMPLATE + " where t.id = ?", ps -> ps.setString(1, id), MessageStore::template);
    }

    void approveTemplate(String id, UUID lawyerId, Instant at, String sha256) {
        update("update message_template set approved_by = ?, approved_at = ?, approved_sha256 = ? where id = ?", ps -> {
            ps.setObject(1, lawyerId);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, sha256);
            ps.setString(4, id);
        });
    }

    private static MessageTemplate template(ResultSet rs) throws SQLException {
        return new MessageTemplate(rs.getString(1), rs.getString(2), MessageKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9),
                instant(rs.getTimestamp(10)), rs.getString(11));
    }

    private static void fact(PreparedStatement ps, MessageRow m, int revision) throws SQLException {
        ps.setObject(1, m.tenantId());
        ps.setObject(2, m.id());
        ps.setObject(3, m.caseId());
        ps.setInt(4, revision);
    }

    /** Binds {@code values} in order, for statements whose parameters are ids and plain values. */
    private static Binder params(Object... values) {
        return ps -> {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
        };
    }

    private static MessageRow message(ResultSet rs) throws SQLException {
        return new MessageRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                MessageKind.valueOf(rs.getString(4)), MessageState.valueOf(rs.getString(5)), rs.getInt(6),
                rs.getString(7), rs.getObject(8, UUID.class), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)));
    }

    private static RevisionRow revision(ResultSet rs) throws SQLException {
        var content = new MessageContent(rs.getString(2), rs.getString(3),
                Arrays.stream((String[]) rs.getArray(4).getArray()).map(Channel::valueOf).toList(),
                Arrays.stream((String[]) rs.getArray(5).getArray()).map(Audience::valueOf).toList(), rs.getString(6));
        return new RevisionRow(rs.getInt(1), content, rs.getString(7), rs.getObject(8, UUID.class), rs.getString(9),
                rs.getTimestamp(10).toInstant(), rs.getString(11));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Array texts(PreparedStatement ps, List<? extends Enum<?>> values) throws SQLException {
        return ps.getConnection().createArrayOf("text", values.stream().map(Enum::name).toArray());
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
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

    private <T> Optional<T> one(String sql, Binder binder, Reader<T> reader) {
        return many(sql, binder, reader).stream().findFirst();
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
