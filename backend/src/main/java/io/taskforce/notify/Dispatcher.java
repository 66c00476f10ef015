package io.taskforce.notify;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns announced intents into what each recipient receives: an in-app notification always, a live signal to
 * their open pages, and an e-mail delivery when their preferences ask for one; and into one webhook delivery per
 * active webhook that wants the event (the tenant's, and those of the firms concerned). One transaction per batch, with the
 * intents locked (SKIP LOCKED), so two instances never expand the same intent; nothing leaves the database here.
 */
@Singleton
class Dispatcher {

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final Preferences preferences;
    private final WebhookDeliveries webhooks;

    Dispatcher(TenantTransactions transactions, JdbcOperations jdbc, Preferences preferences, WebhookDeliveries webhooks) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.webhooks = webhooks;
    }

    /** Expands up to {@code limit} pending intents, oldest first; answers how many. */
    int expand(int limit) {
        return transactions.asDispatcher(() -> {
            var intents = pending(limit);
            if (intents.isEmpty()) {
                return 0;
            }
            // one look-up of the batch's recipients, one update of the batch's intents: round trips per batch, not per intent
            var recipients = preferences.of(intents.stream().flatMap(i -> i.recipients().stream()).distinct().toList())
                    .stream().collect(Collectors.toMap(Preferences.Recipient::userId, Function.identity()));
            for (var intent : intents) {
                for (UUID userId : intent.recipients()) {
                    var recipient = recipients.get(userId);
                    if (recipient != null && recipient.active()) {
                        deliver(intent, recipient);
                    }
                }
                webhooks.enqueue(intent.tenantId(), intent.id(), intent.event(), intent.caseId(), intent.createdAt(),
                        intent.params(), intent.workstreams());
            }
            jdbc.prepareStatement("""
                    update notify_outbox set dispatched_at = now()
                    where dispatched_at is null and tenant_id = any(?) and id = any(?)""", ps -> {
                var connection = ps.getConnection();
                ps.setArray(1, connection.createArrayOf("uuid", intents.stream().map(Intent::tenantId).distinct().toArray()));
                ps.setArray(2, connection.createArrayOf("uuid", intents.stream().map(Intent::id).toArray()));
                return ps.executeUpdate();
            });
            return intents.size();
        });
    }

    /** How many intents wait, and the age in seconds of the oldest: the health and metrics read this. */
    Backlog backlog() {
        return transactions.asDispatcher(() -> jdbc.prepareStatement("""
                /* across tenants: health and metrics watch the outbox of every tenant */
                select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                from notify_outbox where dispatched_at is null""", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), rs.getDouble(2));
            }
        }));
    }

    record Backlog(long pending, double oldestSeconds) {
    }

    private void deliver(Intent intent, Preferences.Recipient recipient) {
        jdbc.prepareStatement("""
                insert into notification (tenant_id, id, recipient_id, event, case_id, params)
                values (?, ?, ?, ?, ?, cast(? as jsonb))""", ps -> {
            ps.setObject(1, intent.tenantId());
            ps.setObject(2, UUID.randomUUID());
            ps.setObject(3, recipient.userId());
            ps.setString(4, intent.event());
            ps.setObject(5, intent.caseId());
            ps.setString(6, intent.params());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("insert into live_event (topic, case_id, audience) values ('notifications', ?, ?)", ps -> {
            ps.setObject(1, intent.caseId());
            ps.setArray(2, ps.getConnection().createArrayOf("text", new Object[]{recipient.userId().toString()}));
            return ps.executeUpdate();
        });
        if (recipient.address() != null && recipient.emailEvents().contains(intent.event())) {
            jdbc.prepareStatement("""
                    insert into email_delivery (tenant_id, id, recipient_id, address, language, event, case_id, params)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""", ps -> {
                ps.setObject(1, intent.tenantId());
                ps.setObject(2, UUID.randomUUID());
                ps.setObject(3, recipient.userId());
                ps.setString(4, recipient.address());
                ps.setString(5, recipient.language());
                ps.setString(6, intent.event());
                ps.setObject(7, intent.caseId());
                ps.setString(8, intent.params());
                return ps.executeUpdate();
            });
        }
    }

    private List<Intent> pending(int limit) {
        return jdbc.prepareStatement("""
                /* across tenants: the dispatcher works through the outbox of every tenant */
                select tenant_id, id, event, case_id, recipients, params::text, created_at, workstreams from notify_outbox
                where dispatched_at is null order by created_at limit ? for update skip locked""", ps -> {
            ps.setInt(1, limit);
            try (var rs = ps.executeQuery()) {
                var intents = new ArrayList<Intent>();
                while (rs.next()) {
                    intents.add(Intent.of(rs));
                }
                return intents;
            }
        });
    }

    private record Intent(UUID tenantId, UUID id, String event, UUID caseId, List<UUID> recipients, String params,
                          Instant createdAt, List<String> workstreams) {
        static Intent of(ResultSet rs) throws SQLException {
            return new Intent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                    rs.getObject(4, UUID.class), List.of((UUID[]) rs.getArray(5).getArray()), rs.getString(6),
                    rs.getTimestamp(7).toInstant(), List.of((String[]) rs.getArray(8).getArray()));
        }
    }
}
