package io.taskforce.notify;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.jobs.Retry;
import jakarta.inject.Singleton;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The e-mails waiting to go. An instance claims a few (a lease, committed at once, so the sending itself happens
 * outside any transaction), sends them, then records each outcome. A claim whose instance died expires after the
 * lease and the mail is claimed again by another one: a mail is sent at least once, and exactly once unless an
 * instance dies between the SMTP server's acceptance and the record of it.
 */
@Singleton
class EmailDeliveries {

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;

    EmailDeliveries(TenantTransactions transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    record Delivery(UUID tenantId, UUID id, String address, String language, String event, UUID caseId,
                    String params, int attempts, boolean client) {
    }

    List<Delivery> claim(int limit, Duration lease) {
        return transactions.asDispatcher(() -> jdbc.prepareStatement("""
                /* across tenants: the e-mail delivery job sends the due e-mails of every tenant */
                update email_delivery d set claimed_until = now() + cast(? as interval), attempts = d.attempts + 1
                from (select tenant_id, id from email_delivery
                      where status = 'PENDING' and next_attempt_at <= now()
                        and (claimed_until is null or claimed_until < now())
                      order by next_attempt_at limit ? for update skip locked) due
                where d.tenant_id = due.tenant_id and d.id = due.id
                returning d.tenant_id, d.id, d.address, d.language, d.event, d.case_id, d.params::text, d.attempts,
                          (select u.role = 'client' from user_account u where u.id = d.recipient_id)""", ps -> {
            ps.setString(1, lease.toMillis() + " milliseconds");
            ps.setInt(2, limit);
            try (var rs = ps.executeQuery()) {
                var claimed = new ArrayList<Delivery>();
                while (rs.next()) {
                    claimed.add(new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getInt(8), rs.getBoolean(9)));
                }
                return claimed;
            }
        }));
    }

    void sent(Delivery delivery) {
        update(delivery, "update email_delivery set status = 'SENT', sent_at = now(), claimed_until = null, last_error = null"
                + " where tenant_id = ? and id = ?");
    }

    /** Records a failed attempt: tried again after the retry delay, or given up. */
    void failed(Delivery delivery, String error, Retry retry) {
        boolean givesUp = retry.givesUpAfter(delivery.attempts());
        long delayMillis = retry.delayAfter(delivery.attempts()).toMillis();
        transactions.asDispatcher(() -> jdbc.prepareStatement("""
                update email_delivery set status = ?, last_error = left(?, 500), claimed_until = null,
                       next_attempt_at = now() + cast(? as interval)
                where tenant_id = ? and id = ?""", ps -> {
            ps.setString(1, givesUp ? "FAILED" : "PENDING");
            ps.setString(2, error);
            ps.setString(3, delayMillis + " milliseconds");
            ps.setObject(4, delivery.tenantId());
            ps.setObject(5, delivery.id());
            return ps.executeUpdate();
        }));
    }

    /** Deliveries waiting (due or not) and those given up: the metrics read this. */
    record Counts(long pending, long failed) {
    }

    Counts counts() {
        return transactions.asDispatcher(() -> jdbc.prepareStatement("""
                /* across tenants: the metrics count the e-mails of every tenant */
                select (select count(*) from email_delivery where status = 'PENDING'),
                       (select count(*) from email_delivery where status = 'FAILED')""", ps -> {
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2));
            }
        }));
    }

    private void update(Delivery delivery, String sql) {
        transactions.asDispatcher(() -> jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, delivery.tenantId());
            ps.setObject(2, delivery.id());
            return ps.executeUpdate();
        }));
    }
}
