package io.taskforce.legal;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.legal.RuleViews.DeadlinePreview;
import io.taskforce.legal.RuleViews.RuleView;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The deadline rules: listed, previewed (the calculator creates nothing) and edited by platform admins. An edit adds
 * the rule's next version in the platform's transaction with one audit event in the platform chain; clocks already
 * running keep the version they started with.
 */
@Singleton
class RuleService {

    private final RuleStore rules;
    private final TenantTransactions transactions;
    private final AuditTrail audit;

    RuleService(RuleStore rules, TenantTransactions transactions, AuditTrail audit) {
        this.rules = rules;
        this.transactions = transactions;
        this.audit = audit;
    }

    List<RuleView> list() {
        return transactions.read(TenantTransactions.PLATFORM, () -> rules.current().stream().map(RuleView::of).toList());
    }

    DeadlinePreview preview(String ruleId, String trigger) {
        var rule = transactions.read(TenantTransactions.PLATFORM, () -> rules.current(ruleId))
                .orElseThrow(() -> ApiException.badRequest("rule: no deadline rule '" + ruleId + "'; GET /api/v1/legal/rules lists them."))
                .rule();
        Instant triggerAt;
        try {
            triggerAt = DeadlineCalculator.parseTrigger(trigger);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        var deadline = rule.deadlineFrom(triggerAt);
        return new DeadlinePreview(rule.id(), deadline.lastDay(), deadline.endsAt(), deadline.nonWorkingLastDay(), rule.basis());
    }

    RuleView update(Caller caller, String ruleId, RuleEdit edit) {
        if (!edit.counting().fits(edit.unit())) {
            throw ApiException.badRequest("counting: " + edit.counting() + " does not count " + edit.unit()
                    + " (CALENDAR_MONTHS counts MONTHS or YEARS, WHOLE_DAYS counts DAYS, ELAPSED_HOURS counts HOURS).");
        }
        var reminders = edit.reminders().stream().map(String::strip).toList();
        try {
            ReminderSchedule.validate(reminders);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return transactions.write(TenantTransactions.PLATFORM, () -> {
            var current = rules.lockCurrent(ruleId).orElseThrow(() -> ApiException.notFound("Rule")).rule();
            var next = new DeadlineRule(current.id(), current.version() + 1, edit.nameFr().strip(), edit.nameEn().strip(),
                    edit.basis().strip(), edit.textVersion().strip(), current.trigger(), edit.amount(), edit.unit(),
                    edit.counting(), reminders);
            var changes = Changes.of().changed("version", current.version(), next.version())
                    .changed("nameFr", current.nameFr(), next.nameFr()).changed("nameEn", current.nameEn(), next.nameEn())
                    .changed("basis", current.basis(), next.basis())
                    .changed("textVersion", current.textVersion(), next.textVersion())
                    .changed("amount", current.amount(), next.amount()).changed("unit", current.unit(), next.unit())
                    .changed("counting", current.counting(), next.counting())
                    .changed("reminders", current.reminders(), next.reminders());
            if (changes.asMap().size() == 1) {
                // nothing but the version would change: keep the current one, record nothing
                return RuleView.of(rules.current(ruleId).orElseThrow());
            }
            var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            rules.supersede(current, next, caller.userId(), now);
            audit.record(caller, AuditEntry.of("legal_rule.updated", "legal_rule", ruleId, changes));
            return RuleView.of(rules.current(ruleId).orElseThrow());
        });
    }
}
