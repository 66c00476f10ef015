package io.taskforce.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.identity.Firm;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.web.Keyset;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook rows, read and written inside the transaction in progress: bound to the owner (a tenant, or the
 * platform for firm webhooks) for an admin's change, or the dispatcher's for reads across owners.
 */
@Singleton
class WebhookStore {

    private static final String VIEW = """
            select w.tenant_id, w.id, w.firm, w.url, w.events, w.active, w.disabled_at, w.disabled_reason,
                   w.consecutive_failures, w.created_at, a.attempted_at, a.status_code, a.error
            from webhook w
            left join lateral (select attempted_at, status_code, error from webhook_attempt a
                               where a.tenant_id = w.tenant_id and a.webhook_id = w.id
                               order by attempted_at desc limit 1) a on true
            """;

    private final JdbcOperations jdbc;

    WebhookStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, after the keyset position; across owners (a dispatcher transaction). */
    List<WebhookView> page(@Nullable Keyset after, int limit) {
        return jdbc.prepareStatement("/* across tenants: the platform admins' list of every owner's webhooks */\n"
                + VIEW + """
                where (cast(? as timestamptz) is null or (w.created_at, w.id) < (cast(? as timestamptz), ?))
                order by w.created_at desc, w.id desc limit ?""", ps -> {
            Timestamp at = after == null ? null : Timestamp.from(after.at());
            ps.setTimestamp(1, at);
            ps.setTimestamp(2, at);
            ps.setObject(3, after == null ? new UUID(0, 0) : after.id());
            ps.setInt(4, limit);
            return views(ps.executeQuery());
        });
    }

    /** The owner's id of a webhook (a tenant, or the platform for a firm's), read across owners. */
    Optional<UUID> ownerOf(UUID id) {
        return jdbc.prepareStatement("""
                /* across tenants: finds the owner of a webhook, whose transaction its change then runs in */
                select tenant_id from webhook where id = ?""", ps -> {
            ps.setObject(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        });
    }

    /** In the owner's transaction. */
    Optional<WebhookView> find(UUID ownerId, UUID id) {
        return jdbc.prepareStatement(VIEW + " where w.tenant_id = ? and w.id = ?", ps -> {
            ps.setObject(1, ownerId);
            ps.setObject(2, id);
            var found = views(ps.executeQuery());
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    void insert(UUID ownerId, UUID id, @Nullable Firm firm, String url, List<String> events, String secret) {
        jdbc.prepareStatement("""
                insert into webhook (tenant_id, id, firm, url, events, secret) values (?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, ownerId);
            ps.setObject(2, id);
            ps.setString(3, firm == null ? null : firm.name());
            ps.setString(4, url);
            ps.setArray(5, ps.getConnection().createArrayOf("text", events.toArray()));
            ps.setString(6, secret);
            return ps.executeUpdate();
        });
    }

    /**
     * Deliveries first, then the webhook: the order in which the sender locks them (it updates a delivery, then its
     * webhook's failure count). Deleting the webhook first would lock in the opposite order and deadlock with it.
     */
    void delete(UUID ownerId, UUID id) {
        update("delete from webhook_delivery where tenant_id = ? and webhook_id = ?", ownerId, id);
        update("delete from webhook where tenant_id = ? and id = ?", ownerId, id);
    }

    /** Active again, failures forgotten; its waiting deliveries are due at once. */
    void enable(UUID ownerId, UUID id) {
        update("""
                update webhook set active = true, consecutive_failures = 0, disabled_at = null, disabled_reason = null
                where tenant_id = ? and id = ?""", ownerId, id);
        update("""
                update webhook_delivery set next_attempt_at = now()
                where tenant_id = ? and webhook_id = ? and status = 'PENDING'""", ownerId, id);
    }

    /** The delivery log of one webhook, newest first, in the owner's transaction. */
    List<WebhookDeliveryView> deliveries(UUID ownerId, UUID webhookId, @Nullable Keyset after, int limit) {
        List<WebhookDeliveryView> rows = jdbc.prepareStatement("""
                select id, event, status, attempts, created_at, sent_at, next_attempt_at from webhook_delivery
                where tenant_id = ? and webhook_id = ?
                  and (cast(? as timestamptz) is null or (created_at, id) < (cast(? as timestamptz), ?))
                order by created_at desc, id desc limit ?""", ps -> {
            Timestamp at = after == null ? null : Timestamp.from(after.at());
            ps.setObject(1, ownerId);
            ps.setObject(2, webhookId);
            ps.setTimestamp(3, at);
            ps.setTimestamp(4, at);
            ps.setObject(5, after == null ? new UUID(0, 0) : after.id());
            ps.setInt(6, limit);
            try (var rs = ps.executeQuery()) {
                var list = new ArrayList<WebhookDeliveryView>();
                while (rs.next()) {
                    var status = WebhookDeliveryView.Status.valueOf(rs.getString(3));
                    list.add(new WebhookDeliveryView(rs.getObject(1, UUID.class), rs.getString(2), status, rs.getInt(4),
                            instant(rs, 5), instant(rs, 6),
                            status == WebhookDeliveryView.Status.PENDING ? instant(rs, 7) : null, List.of()));
                }
                return list;
            }
        });
        if (rows.isEmpty()) {
            return rows;
        }
        var ids = rows.stream().map(WebhookDeliveryView::id).toArray();
        var attempts = jdbc.prepareStatement("""
                select delivery_id, attempted_at, status_code, error, duration_ms from webhook_attempt
                where tenant_id = ? and delivery_id = any(?) order by attempted_at""", ps -> {
            ps.setObject(1, ownerId);
            ps.setArray(2, ps.getConnection().createArrayOf("uuid", ids));
            try (var rs = ps.executeQuery()) {
                var byDelivery = new java.util.HashMap<UUID, List<WebhookDeliveryView.Attempt>>();
                while (rs.next()) {
                    Integer code = rs.getObject(3) == null ? null : rs.getInt(3);
                    byDelivery.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new WebhookDeliveryView.Attempt(instant(rs, 2), code, rs.getString(4), rs.getInt(5)));
                }
                return byDelivery;
            }
        });
        return rows.stream().map(d -> new WebhookDeliveryView(d.id(), d.event(), d.status(), d.attempts(), d.createdAt(),
                d.sentAt(), d.nextAttemptAt(), List.copyOf(attempts.getOrDefault(d.id(), List.of())))).toList();
    }

    /** How many webhooks are disabled, across owners (a dispatcher transaction): the metrics read this. */
    long disabledCount() {
        return jdbc.prepareStatement("""
                /* across tenants: the metrics count the disabled webhooks of every owner */
                select count(*) from webhook where not active""", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private void update(String sql, UUID ownerId, UUID id) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, ownerId);
            ps.setObject(2, id);
            return ps.executeUpdate();
        });
    }

    private static List<WebhookView> views(ResultSet rs) throws SQLException {
        try (rs) {
            var list = new ArrayList<WebhookView>();
            while (rs.next()) {
                UUID owner = rs.getObject(1, UUID.class);
                String firm = rs.getString(3);
                boolean platform = TenantTransactions.PLATFORM.equals(owner);
                Instant lastAt = instant(rs, 11);
                Integer code = rs.getObject(12) == null ? null : rs.getInt(12);
                list.add(new WebhookView(rs.getObject(2, UUID.class),
                        platform ? WebhookView.Owner.FIRM : WebhookView.Owner.TENANT, platform ? null : owner, null,
                        firm == null ? null : Firm.valueOf(firm), rs.getString(4),
                        List.of((String[]) rs.getArray(5).getArray()), rs.getBoolean(6), instant(rs, 7),
                        rs.getString(8), rs.getInt(9), instant(rs, 10),
                        lastAt == null ? null : new WebhookView.LastAttempt(lastAt, code, rs.getString(13))));
            }
            return list;
        }
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
