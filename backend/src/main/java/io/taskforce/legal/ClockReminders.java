package io.taskforce.legal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.taskforce.notify.Announcement;
import io.taskforce.notify.Announcements;
import io.taskforce.notify.NotifyEvent;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.tenancy.TenantDirectory;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.taskforce.legal.Sql.instant;
import static io.taskforce.legal.Sql.ts;

/**
 * Sends the reminders of running clocks when they fall due, to the case's lawyers: in-app, live and by e-mail through
 * the notify outbox. A job, so one instance runs it at a time; on top of that, due rows are claimed with
 * {@code for update skip locked} and marked sent in the transaction that writes the announcement, so even two runs at
 * once on two instances send each reminder exactly once. The job's clock is a parameter: specs pass their own.
 */
@Factory
class ClockReminders {

    @Singleton
    RecurringTask<Void> legalClockReminders(Sender sender, LegalSettings settings) {
        return Tasks.recurring("legal-clock-reminders", FixedDelay.of(settings.reminderCheck()))
                .execute((instance, context) -> sender.sendDue(Instant.now()));
    }

    @Singleton
    static class Sender {

        private static final int BATCH = 100;

        private final TenantTransactions transactions;
        private final Sql sql;
        private final Announcements announcements;
        private final TenantDirectory tenants;

        Sender(TenantTransactions transactions, Sql sql, Announcements announcements, TenantDirectory tenants) {
            this.transactions = transactions;
            this.sql = sql;
            this.announcements = announcements;
            this.tenants = tenants;
        }

        private record Due(UUID tenantId, UUID clockId, UUID caseId, String label, Instant dueAt, List<UUID> recipients,
                           String caseTitle, String ruleName, LocalDate lastDay) {
        }

        /** Sends every reminder due at {@code now}; returns how many were sent. */
        int sendDue(Instant now) {
            return transactions.asDispatcher(() -> {
                var due = claim(now);
                if (!due.isEmpty()) {
                    // the outbox admits intents of the tenant bound; each announcement switches to its own
                    transactions.narrowTo(due.get(0).tenantId());
                }
                for (var reminder : due) {
                    sql.update("update legal_clock_reminder set sent_at = ? where tenant_id = ? and clock_id = ? and label = ?", ps -> {
                        ps.setTimestamp(1, ts(now));
                        ps.setObject(2, reminder.tenantId());
                        ps.setObject(3, reminder.clockId());
                        ps.setString(4, reminder.label());
                    });
                    transactions.switchedTo(reminder.tenantId(), () -> {
                        announcements.announce(new Announcement(NotifyEvent.LEGAL_CLOCK_REMINDER, reminder.caseId(),
                                Set.copyOf(reminder.recipients()), reminder.caseTitle(),
                                tenants.nameOf(reminder.tenantId()).orElse(null), null,
                                reminder.ruleName() + " — " + reminder.lastDay(), Set.of("LEGAL")));
                        return null;
                    });
                }
                return due.size();
            });
        }

        private List<Due> claim(Instant now) {
            return sql.many("""
                    /* across tenants: the reminder job claims every tenant's due reminders */
                    select tenant_id, clock_id, case_id, label, due_at, recipients, case_title, rule_name, last_day
                    from legal_clock_reminder where sent_at is null and due_at <= ?
                    order by due_at limit ? for update skip locked""", ps -> {
                ps.setTimestamp(1, ts(now));
                ps.setInt(2, BATCH);
            }, rs -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                    rs.getString(4), instant(rs, "due_at"), Arrays.asList((UUID[]) rs.getArray(6).getArray()),
                    rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class)));
        }
    }
}
