package io.taskforce.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.identity.Caller;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Appends audit events to the chain of the tenant whose transaction is in progress, in that same
 * transaction: the change and its event commit or roll back together. Writers of one tenant queue on the
 * chain head's row lock, so sequence numbers stay gapless and the chain never forks.
 */
@Singleton
public class AuditTrail {

    private static final String INSERTED = """
            tenant_id, seq, occurred_at, actor_subject, actor_username, actor_roles, actor_firm, action, entity_type,
            entity_id, case_id, changes, ip, user_agent, request_id, prev_hash, hash, canonical_version,
            client_request_id""";
    // the roles as a text array, in their stored order (the hashed text lists them in that order)
    static final String COLUMNS = """
            tenant_id, seq, occurred_at, actor_subject, actor_username,
            array(select r from jsonb_array_elements_text(actor_roles) with ordinality as t(r, i) order by i) as actor_roles,
            actor_firm, action, entity_type, entity_id, case_id, changes, ip, user_agent, request_id, prev_hash, hash,
            canonical_version, client_request_id""";

    private final JdbcOperations jdbc;
    private final TenantTransactions transactions;
    private final ChainSecrets secrets;

    AuditTrail(JdbcOperations jdbc, TenantTransactions transactions, ChainSecrets secrets) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.secrets = secrets;
    }

    /** Must run inside {@link TenantTransactions#write}; the event joins that tenant's chain. */
    public AuditEvent record(Caller caller, AuditEntry entry) {
        UUID chain = transactions.current();
        jdbc.prepareStatement("""
                insert into audit_chain_head (tenant_id, last_seq, last_hash) values (?, 0, ?)
                on conflict (tenant_id) do nothing""", ps -> {
            ps.setObject(1, chain);
            ps.setString(2, HashChain.GENESIS);
            return ps.executeUpdate();
        });
        Head head = jdbc.prepareStatement(
                "select last_seq, last_hash from audit_chain_head where tenant_id = ? for update", ps -> {
                    ps.setObject(1, chain);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        return new Head(rs.getLong(1), rs.getString(2));
                    }
                });
        var user = caller.user();
        String changes = changesText(entry.changes());
        String changesHmac = changes == null ? null : ChainSecrets.hmac(secrets.ofCurrentChainCreating(chain), changes);
        var event = new AuditEvent(chain, head.seq() + 1, Instant.now().truncatedTo(ChronoUnit.MICROS),
                user.subject(), user.username(), user.roles().stream().sorted().toList(),
                user.firm() == null ? null : user.firm().name(), entry.action(), entry.entityType(), entry.entityId(),
                entry.caseId(), changes, caller.ip(), caller.userAgent(), caller.requestId(), head.hash(), null,
                AuditEvent.CURRENT_VERSION, changesHmac, caller.clientRequestId());
        var linked = event.withHash(HashChain.link(head.hash(), event.canonical()));
        insert(linked);
        jdbc.prepareStatement("update audit_chain_head set last_seq = ?, last_hash = ? where tenant_id = ?", ps -> {
            ps.setLong(1, linked.seq());
            ps.setString(2, linked.hash());
            ps.setObject(3, chain);
            return ps.executeUpdate();
        });
        return linked;
    }

    /** Records a platform-level action (tenants, invitations) in the platform chain, within the transaction in progress. */
    public AuditEvent recordPlatform(Caller caller, AuditEntry entry) {
        return transactions.switchedTo(TenantTransactions.PLATFORM, () -> record(caller, entry));
    }

    /** The events of one chain, newest first, before the given sequence number (exclusive); inside its transaction. */
    public List<AuditEvent> page(UUID chain, Long beforeSeq, int limit) {
        return jdbc.prepareStatement("select " + COLUMNS
                + " from audit_event where tenant_id = ? and seq < ? order by seq desc limit ?", ps -> {
            ps.setObject(1, chain);
            ps.setLong(2, beforeSeq == null ? Long.MAX_VALUE : beforeSeq);
            ps.setInt(3, limit);
            return readAll(chain, ps);
        });
    }

    /** The events of one case, newest first, before the given sequence number (exclusive); inside its tenant transaction. */
    List<AuditEvent> casePage(UUID caseId, Long beforeSeq, int limit) {
        UUID chain = transactions.current();
        return jdbc.prepareStatement("select " + COLUMNS
                + " from audit_event where tenant_id = ? and case_id = ? and seq < ? order by seq desc limit ?", ps -> {
            ps.setObject(1, chain);
            ps.setObject(2, caseId);
            ps.setLong(3, beforeSeq == null ? Long.MAX_VALUE : beforeSeq);
            ps.setInt(4, limit);
            return readAll(chain, ps);
        });
    }

    /** Every event of one chain in order, streamed (the chain may be long); inside its transaction. */
    public void forEachInOrder(UUID chain, Consumer<AuditEvent> consumer) {
        jdbc.prepareStatement("select " + COLUMNS + " from audit_event where tenant_id = ? order by seq", ps -> {
            ps.setObject(1, chain);
            ps.setFetchSize(2_000);
            var keyedHash = ChainSecrets.keyedHash(secrets.ofChain(chain));
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(read(rs, keyedHash));
                }
            }
            return null;
        });
    }

    private List<AuditEvent> readAll(UUID chain, PreparedStatement ps) throws SQLException {
        var keyedHash = ChainSecrets.keyedHash(secrets.ofChain(chain));
        var events = new ArrayList<AuditEvent>();
        try (var rs = ps.executeQuery()) {
            while (rs.next()) {
                events.add(read(rs, keyedHash));
            }
        }
        return events;
    }

    private void insert(AuditEvent e) {
        jdbc.prepareStatement("insert into audit_event (" + INSERTED
                + ") values (?,?,?,?,?,?::jsonb,?,?,?,?,?,?,?,?,?,?,?,?,?)", ps -> {
            ps.setObject(1, e.chain());
            ps.setLong(2, e.seq());
            ps.setTimestamp(3, Timestamp.from(e.occurredAt()));
            ps.setString(4, e.actorSubject());
            ps.setString(5, e.actorUsername());
            ps.setString(6, CanonicalJson.write(e.actorRoles()));
            ps.setString(7, e.actorFirm());
            ps.setString(8, e.action());
            ps.setString(9, e.entityType());
            ps.setString(10, e.entityId());
            ps.setObject(11, e.caseId());
            ps.setString(12, e.changes());
            ps.setString(13, e.ip());
            ps.setString(14, e.userAgent());
            ps.setString(15, e.requestId());
            ps.setString(16, e.prevHash());
            ps.setString(17, e.hash());
            ps.setInt(18, e.version());
            ps.setString(19, e.clientRequestId());
            return ps.executeUpdate();
        });
    }

    /** One row; the keyed hash of the changes of a version-2 event is recomputed with the chain's secret. */
    static AuditEvent read(ResultSet rs, UnaryOperator<String> keyedHash) throws SQLException {
        int version = rs.getInt("canonical_version");
        String changes = rs.getString("changes");
        return new AuditEvent(rs.getObject("tenant_id", UUID.class), rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_subject"),
                rs.getString("actor_username"), List.of((String[]) rs.getArray("actor_roles").getArray()),
                rs.getString("actor_firm"), rs.getString("action"), rs.getString("entity_type"),
                rs.getString("entity_id"), rs.getObject("case_id", UUID.class), changes,
                rs.getString("ip"), rs.getString("user_agent"), rs.getString("request_id"),
                rs.getString("prev_hash"), rs.getString("hash"), version,
                version >= 2 ? keyedHash.apply(changes) : null, rs.getString("client_request_id"));
    }

    private static String changesText(Map<String, Change> changes) {
        if (changes == null || changes.isEmpty()) {
            return null;
        }
        var plain = new TreeMap<String, Object>();
        changes.forEach((field, change) -> {
            var pair = new TreeMap<String, Object>();
            pair.put("before", change.before());
            pair.put("after", change.after());
            plain.put(field, pair);
        });
        return CanonicalJson.write(plain);
    }

    private record Head(long seq, String hash) {
    }
}
