package io.taskforce.messages;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.notify.Announcement;
import io.taskforce.notify.Announcements;
import io.taskforce.notify.NotifyEvent;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Review requests nobody answered in time (DESIGN §5): first the case's legal lead is told, then every lawyer of the
 * firm, each after another review time. A job, so one instance runs it at a time across the cluster; it works as
 * the dispatcher (the review request table admits it, the message tables do not) and rows are claimed with
 * {@code for update skip locked}, so even two runs at once would not tell anyone twice.
 */
@Factory
class ReviewEscalation {

    @Singleton
    RecurringTask<Void> messageReviewEscalation(Escalator escalator, ReviewSettings settings) {
        return Tasks.recurring("message-review-escalation", FixedDelay.of(settings.escalationCheck()))
                .execute((instance, context) -> escalator.escalateDue(Instant.now()));
    }

    @Singleton
    static class Escalator {

        private static final int BATCH = 100;

        private final TenantTransactions transactions;
        private final JdbcOperations jdbc;
        private final Announcements announcements;

        Escalator(TenantTransactions transactions, JdbcOperations jdbc, Announcements announcements) {
            this.transactions = transactions;
            this.jdbc = jdbc;
            this.announcements = announcements;
        }

        private record Due(UUID tenantId, UUID messageId, UUID caseId, int revision, int level, Instant requestedAt,
                           Instant dueAt, UUID legalLead, String caseTitle, String messageTitle) {
        }

        /** Escalates every request due at {@code now}; returns how many were escalated. */
        int escalateDue(Instant now) {
            return transactions.asDispatcher(() -> {
                var due = claim(now);
                if (!due.isEmpty()) {
                    // the outbox admits intents of the tenant bound; each announcement switches to its own
                    transactions.narrowTo(due.get(0).tenantId());
                }
                for (var request : due) {
                    // level 1 goes to the legal lead; without one, straight to the firm
                    int level = request.level() == 0 && request.legalLead() != null ? 1 : 2;
                    var recipients = level == 1 ? List.of(request.legalLead()) : firmLawyers();
                    var next = now.plus(Duration.between(request.requestedAt(), request.dueAt()));
                    jdbc.prepareStatement("""
                            update message_review_request set level = ?, due_at = ?
                            where tenant_id = ? and message_id = ? and revision = ?""", ps -> {
                        ps.setInt(1, level);
                        ps.setTimestamp(2, Timestamp.from(next));
                        ps.setObject(3, request.tenantId());
                        ps.setObject(4, request.messageId());
                        ps.setInt(5, request.revision());
                        return ps.executeUpdate();
                    });
                    transactions.switchedTo(request.tenantId(), () -> {
                        announcements.announce(new Announcement(NotifyEvent.MESSAGE_REVIEW_ESCALATED, request.caseId(),
                                Set.copyOf(recipients), request.caseTitle(), null, null, request.messageTitle(), Set.of("LEGAL")));
                        return null;
                    });
                }
                return due.size();
            });
        }

        private List<Due> claim(Instant now) {
            return jdbc.prepareStatement("""
                    /* across tenants: the escalation job claims every tenant's overdue review requests */
                    select tenant_id, message_id, case_id, revision, level, requested_at, due_at, legal_lead_id,
                           case_title, message_title
                    from message_review_request where answered_at is null and level < 2 and due_at <= ?
                    order by due_at limit ? for update skip locked""", ps -> {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setInt(2, BATCH);
                try (var rs = ps.executeQuery()) {
                    var rows = new ArrayList<Due>();
                    while (rs.next()) {
                        rows.add(new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                                rs.getInt(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(),
                                rs.getObject(8, UUID.class), rs.getString(9), rs.getString(10)));
                    }
                    return rows;
                }
            });
        }

        private List<UUID> firmLawyers() {
            return jdbc.prepareStatement("select id from user_account where active and role = 'lawyer'", ps -> {
                try (var rs = ps.executeQuery()) {
                    var ids = new ArrayList<UUID>();
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                    return ids;
                }
            });
        }
    }
}
