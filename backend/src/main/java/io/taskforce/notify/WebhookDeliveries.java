package io.taskforce.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.jobs.Retry;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook deliveries, from the dispatcher's expansion to the record of each attempt. Written in the expansion
 * transaction (one per matching active webhook); claimed with a lease and sent outside any transaction (like
 * e-mails); each attempt is logged; failures are retried with backoff, and a webhook failing too many times in a row
 * is disabled (with when and why) until an admin enables it again.
 */
@Singleton
class WebhookDeliveries {

    static final String TEST_EVENT = "webhook.test";

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final AnnouncementParams params;

    WebhookDeliveries(TenantTransactions transactions, JdbcOperations jdbc, JsonMapper json, AnnouncementParams params) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.params = params;
    }

    /**
     * Inside the dispatcher's transaction: one delivery per active webhook that wants the event — the tenant's own,
     * and those of the firms concerned. Answers how many.
     */
    int enqueue(UUID tenantId, UUID eventId, String event, @Nullable UUID caseId, Instant occurredAt, String fields,
                Collection<String> firms) {
        List<UUID[]> targets = jdbc.prepareStatement("""
                select tenant_id, id from webhook
                where active and ? = any(events)
                  and (tenant_id = ? or (tenant_id = ? and firm = any(?)))""", ps -> {
            ps.setString(1, event);
            ps.setObject(2, tenantId);
            ps.setObject(3, TenantTransactions.PLATFORM);
            ps.setArray(4, ps.getConnection().createArrayOf("text", firms.toArray()));
            try (var rs = ps.executeQuery()) {
                var list = new ArrayList<UUID[]>();
                while (rs.next()) {
                    list.add(new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)});
                }
                return list;
            }
        });
        String body = body(eventId, event, occurredAt, tenantId, caseId, params.read(fields));
        for (UUID[] target : targets) {
            insert(target[0], UUID.randomUUID(), target[1], event, caseId, body);
        }
        return targets.size();
    }

    /** Inside the owner's transaction: a {@code webhook.test} delivery, due at once. */
    UUID enqueueTest(UUID ownerId, UUID webhookId) {
        UUID id = UUID.randomUUID();
        UUID tenantId = TenantTransactions.PLATFORM.equals(ownerId) ? null : ownerId;
        var data = new LinkedHashMap<String, String>();
        data.put("message", "A test delivery sent from Taskforce's administration.");
        insert(ownerId, id, webhookId, TEST_EVENT, null,
                body(UUID.randomUUID(), TEST_EVENT, Instant.now().truncatedTo(ChronoUnit.MICROS), tenantId, null, data));
        return id;
    }

    record Delivery(UUID tenantId, UUID id, UUID webhookId, String event, String body, int attempts, String url,
                    String secret) {
    }

    /** Claims up to {@code limit} due deliveries of active webhooks (a lease, committed at once). */
    List<Delivery> claim(int limit, Duration lease) {
        return transactions.asDispatcher(() -> jdbc.prepareStatement("""
                /* across tenants: the webhook delivery job sends the due deliveries of every owner */
                update webhook_delivery d set claimed_until = now() + cast(? as interval), attempts = d.attempts + 1
                from (select x.tenant_id, x.id, w.url, w.secret from webhook_delivery x
                      join webhook w on w.tenant_id = x.tenant_id and w.id = x.webhook_id
                      where x.status = 'PENDING' and x.next_attempt_at <= now()
                        and (x.claimed_until is null or x.claimed_until < now()) and w.active
                      order by x.next_attempt_at limit ? for update of x skip locked) due
                where d.tenant_id = due.tenant_id and d.id = due.id
                returning d.tenant_id, d.id, d.webhook_id, d.event, d.body, d.attempts, due.url, due.secret""", ps -> {
            ps.setString(1, lease.toMillis() + " milliseconds");
            ps.setInt(2, limit);
            try (var rs = ps.executeQuery()) {
                var claimed = new ArrayList<Delivery>();
                while (rs.next()) {
                    claimed.add(new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getInt(6),
                            rs.getString(7), rs.getString(8)));
                }
                return claimed;
            }
        }));
    }

    /** The receiver answered 2xx: logged, delivered, and the webhook's run of failures is over. */
    void succeeded(Delivery delivery, int statusCode, long durationMillis) {
        transactions.asDispatcher(() -> {
            log(delivery, statusCode, null, durationMillis);
            jdbc.prepareStatement("""
                    update webhook_delivery set status = 'SENT', sent_at = now(), claimed_until = null
                    where tenant_id = ? and id = ?""", ps -> {
                ps.setObject(1, delivery.tenantId());
                ps.setObject(2, delivery.id());
                return ps.executeUpdate();
            });
            return jdbc.prepareStatement("update webhook set consecutive_failures = 0 where tenant_id = ? and id = ?", ps -> {
                ps.setObject(1, delivery.tenantId());
                ps.setObject(2, delivery.webhookId());
                return ps.executeUpdate();
            });
        });
    }

    /**
     * A failed attempt (a non-2xx status, or an error): logged; the delivery is tried again after the retry delay or
     * given up; the webhook counts one more failure in a row and is disabled when it reaches {@code disableAfter}.
     * Answers whether this attempt disabled it.
     */
    boolean failed(Delivery delivery, @Nullable Integer statusCode, @Nullable String error, long durationMillis,
                   Retry retry, int disableAfter) {
        boolean givesUp = retry.givesUpAfter(delivery.attempts());
        long delayMillis = retry.delayAfter(delivery.attempts()).toMillis();
        String outcome = statusCode != null ? "HTTP " + statusCode : error;
        return transactions.asDispatcher(() -> {
            log(delivery, statusCode, error, durationMillis);
            jdbc.prepareStatement("""
                    update webhook_delivery set status = ?, claimed_until = null, next_attempt_at = now() + cast(? as interval)
                    where tenant_id = ? and id = ?""", ps -> {
                ps.setString(1, givesUp ? "FAILED" : "PENDING");
                ps.setString(2, delayMillis + " milliseconds");
                ps.setObject(3, delivery.tenantId());
                ps.setObject(4, delivery.id());
                return ps.executeUpdate();
            });
            return jdbc.prepareStatement("""
                    update webhook w set consecutive_failures = w.consecutive_failures + 1,
                           active = w.active and w.consecutive_failures + 1 < ?,
                           disabled_at = case when w.active and w.consecutive_failures + 1 >= ? then now() else w.disabled_at end,
                           disabled_reason = case when w.active and w.consecutive_failures + 1 >= ?
                               then left(format('%s consecutive failed deliveries, the last: %s', w.consecutive_failures + 1, ?), 500)
                               else w.disabled_reason end
                    where w.tenant_id = ? and w.id = ?
                    returning (w.disabled_at is not null and not w.active and w.disabled_at = now())""", ps -> {
                ps.setInt(1, disableAfter);
                ps.setInt(2, disableAfter);
                ps.setInt(3, disableAfter);
                ps.setString(4, outcome);
                ps.setObject(5, delivery.tenantId());
                ps.setObject(6, delivery.webhookId());
                try (var rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            });
        });
    }

    private void log(Delivery delivery, @Nullable Integer statusCode, @Nullable String error, long durationMillis) {
        jdbc.prepareStatement("""
                insert into webhook_attempt (tenant_id, id, delivery_id, webhook_id, status_code, error, duration_ms)
                select ?, ?, ?, ?, ?, left(?, 500), ? where exists (select 1 from webhook_delivery where tenant_id = ? and id = ?)""", ps -> {
            ps.setObject(1, delivery.tenantId());
            ps.setObject(2, UUID.randomUUID());
            ps.setObject(3, delivery.id());
            ps.setObject(4, delivery.webhookId());
            if (statusCode == null) {
                ps.setNull(5, java.sql.Types.INTEGER);
            } else {
                ps.setInt(5, statusCode);
            }
            ps.setString(6, error);
            ps.setInt(7, (int) Math.min(Integer.MAX_VALUE, durationMillis));
            ps.setObject(8, delivery.tenantId());
            ps.setObject(9, delivery.id());
            return ps.executeUpdate();
        });
    }

    private void insert(UUID ownerId, UUID id, UUID webhookId, String event, @Nullable UUID caseId, String body) {
        jdbc.prepareStatement("""
                insert into webhook_delivery (tenant_id, id, webhook_id, event, case_id, body) values (?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, ownerId);
            ps.setObject(2, id);
            ps.setObject(3, webhookId);
            ps.setString(4, event);
            ps.setObject(5, caseId);
            ps.setString(6, body);
            return ps.executeUpdate();
        });
    }

    /** {@code {id, event, occurredAt, tenantId, caseId, data}}: the event's id is the same for every webhook told of it. */
    private String body(UUID eventId, String event, Instant occurredAt, @Nullable UUID tenantId, @Nullable UUID caseId,
                        Map<String, String> data) {
        var body = new Payload(eventId.toString(), event, occurredAt.toString(),
                tenantId == null ? null : tenantId.toString(), caseId == null ? null : caseId.toString(), data);
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a receiver gets, fields in this order, nulls written out. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Payload(String id, String event, String occurredAt, @Nullable String tenantId, @Nullable String caseId,
                   Map<String, String> data) {
    }
}
