package io.taskforce.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where features say what happened. {@link #announce} writes the intent into the outbox inside the caller's tenant
 * transaction, so it exists if and only if the change commits; nothing is sent from here (see {@link Dispatcher}).
 */
@Singleton
public class Announcements {

    private final JdbcOperations jdbc;
    private final TenantTransactions transactions;
    private final AnnouncementParams params;
    private final MeterRegistry metrics;

    Announcements(JdbcOperations jdbc, TenantTransactions transactions, AnnouncementParams params, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.params = params;
        this.metrics = metrics;
    }

    public void announce(Announcement announcement) {
        // the product's own counters: what happened, by event (cases reported, later reviews requested...)
        metrics.counter("taskforce.events", "event", announcement.event().code()).increment();
        // written even without recipients: webhooks may still want to hear of it
        UUID tenantId = transactions.current();
        String fields = params.write(announcement.params());
        jdbc.prepareStatement("""
                insert into notify_outbox (tenant_id, id, event, case_id, recipients, params, workstreams)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?)""", ps -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, announcement.event().code());
            ps.setObject(4, announcement.caseId());
            ps.setArray(5, ps.getConnection().createArrayOf("uuid", announcement.recipients().toArray()));
            ps.setString(6, fields);
            ps.setArray(7, ps.getConnection().createArrayOf("text", announcement.workstreams().stream().sorted().toArray()));
            return ps.executeUpdate();
        });
    }

    /** The active crisis-communication consultants: they triage what clients report. */
    public List<UUID> consultants() {
        return ids("select id from user_account where active and role = 'consultant'");
    }

    /** The active client users of a tenant; inside its transaction. */
    public List<UUID> clientsOfTenant(UUID tenantId) {
        transactions.current();
        return ids("""
                select u.id from user_account u join tenant_member m on m.user_id = u.id
                where m.tenant_id = ? and u.active and u.role = 'client'""", tenantId);
    }

    private List<UUID> ids(String sql, Object... params) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (var rs = ps.executeQuery()) {
                var ids = new ArrayList<UUID>();
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
                return List.copyOf(ids);
            }
        });
    }
}
