package io.taskforce.legal;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.cases.CaseScope;
import io.taskforce.identity.Caller;
import io.taskforce.legal.ActionRecords.ActionRow;
import io.taskforce.legal.ActionRecords.ActionView;
import io.taskforce.legal.ClockRecords.ClockRow;
import io.taskforce.legal.ClockRecords.Origin;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Legal actions of a case, written by its lawyers. Sending has effects on clocks, in the same transaction and audit
 * event: a CNIL notification sent stops the case's running 72-hour clock (acted upon); a right-of-reply request sent
 * starts the publisher's 3-day insertion clock, a de-listing request the search engine's 1-month answer clock, both
 * from the sending. A platform notice is sent only when it carries what DSA art. 16 requires.
 */
@Singleton
class ActionService {

    private final CaseAccess access;
    private final ActionStore actions;
    private final ClockStore clockRows;
    private final ClockService clocks;
    private final RuleStore rules;
    private final PublicationStore publications;
    private final AuditTrail audit;

    ActionService(CaseAccess access, ActionStore actions, ClockStore clockRows, ClockService clocks, RuleStore rules,
                  PublicationStore publications, AuditTrail audit) {
        this.access = access;
        this.publications = publications;
        this.actions = actions;
        this.clockRows = clockRows;
        this.clocks = clocks;
        this.rules = rules;
        this.audit = audit;
    }

    List<ActionView> list(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            var clocksOfCase = clockRows.ofCase(scope.tenantId(), caseId);
            return actions.ofCase(scope.tenantId(), caseId).stream().map(a -> view(a, clocksOfCase)).toList();
        });
    }

    ActionView create(Caller caller, UUID caseId, ActionRecords.NewAction request) {
        return access.write(caller, caseId, scope -> {
            ClockService.requireLawyer(caller, scope);
            var now = ClockService.now();
            if (request.publicationId() != null && publications.find(scope.tenantId(), request.publicationId())
                    .filter(p -> p.caseId().equals(caseId)).isEmpty()) {
                throw ApiException.badRequest("publicationId: no hostile publication of this case has this id.");
            }
            var urls = request.urls() == null ? List.<String>of() : request.urls().stream().map(String::strip).toList();
            var a = new ActionRow(UUID.randomUUID(), scope.tenantId(), caseId, request.kind(), ActionStatus.DRAFT,
                    request.title().strip(), text(request.recipient()), urls, text(request.reasons()),
                    text(request.notifierIdentity()), Boolean.TRUE.equals(request.goodFaith()), request.publicationId(),
                    null, null, caller.userId(), now, now);
            actions.insert(a);
            audit.record(caller, AuditEntry.ofCase(caseId, "legal_action.created", "legal_action", a.id(), Changes.of()
                    .set("kind", a.kind()).set("status", a.status()).set("title", a.title()).set("recipient", a.recipient())
                    .set("urls", a.urls())));
            return view(a, clockRows.ofCase(scope.tenantId(), caseId));
        });
    }

    ActionView move(Caller caller, UUID actionId, ActionRecords.StatusChange change) {
        UUID caseId = access.readAcross(caller, () -> actions.caseOf(actionId))
                .orElseThrow(() -> ApiException.notFound("Action"));
        return access.write(caller, caseId, scope -> {
            ClockService.requireLawyer(caller, scope);
            var a = actions.lock(scope.tenantId(), actionId).orElseThrow(() -> ApiException.notFound("Action"));
            var next = change.status();
            if (!a.status().next().contains(next)) {
                throw ApiException.conflict("A " + a.status() + " action cannot become " + next + ".");
            }
            var now = ClockService.now();
            var at = change.at() == null ? now : change.at();
            if (at.isAfter(now)) {
                throw ApiException.badRequest("at: a status cannot be recorded for the future.");
            }
            if (next == ActionStatus.SENT && a.kind() == ActionKind.PLATFORM_NOTICE) {
                var missing = NoticeCheck.dsaArticle16(a.urls(), a.reasons(), a.notifierIdentity(), a.goodFaith());
                if (!missing.isEmpty()) {
                    throw ApiException.conflict("This notice lacks what DSA art. 16 requires: " + missing + ".");
                }
            }
            var moved = a.moved(next, at, now);
            actions.move(moved);
            var effects = next == ActionStatus.SENT ? sent(caller, scope, moved) : List.<String>of();
            audit.record(caller, AuditEntry.ofCase(caseId, "legal_action.status_changed", "legal_action", actionId,
                    Changes.of().changed("status", a.status(), next).set("at", at).set("kind", a.kind())
                            .set("clocks", effects)));
            return view(moved, clockRows.ofCase(scope.tenantId(), caseId));
        });
    }

    /** The effects of sending on the case's clocks, as "started:rule:lastDay" and "acted:rule:id" for the audit. */
    private List<String> sent(Caller caller, CaseScope scope, ActionRow a) {
        var effects = new ArrayList<String>();
        switch (a.kind()) {
            case CNIL_NOTIFICATION -> {
                for (var clock : clockRows.runningOfRule(a.tenantId(), a.caseId(), "gdpr-breach-72h")) {
                    clockRows.close(clock.closed(ClockState.ACTED_UPON, "CNIL notified: " + a.title(), caller.userId(),
                            ClockService.now(), a.id()));
                    effects.add("acted:" + clock.ruleId() + ":" + clock.id());
                }
            }
            case RIGHT_OF_REPLY_REQUEST -> effects.add(start(caller, scope, a, "right-of-reply-insertion-3d"));
            case DELISTING_REQUEST -> effects.add(start(caller, scope, a, "delisting-answer-1m"));
            default -> {
                // the other actions start or stop no clock; host and platform notices show the time since sending
            }
        }
        return effects;
    }

    private String start(Caller caller, CaseScope scope, ActionRow a, String ruleId) {
        var rule = rules.current(ruleId).orElseThrow().rule();
        ClockRow clock = clocks.startClock(caller, scope, rule, a.sentAt(), caller.userId(), Origin.ACTION, a.publicationId(), a.id());
        return "started:" + ruleId + ":" + clock.lastDay();
    }

    private static ActionView view(ActionRow a, List<ClockRow> clocksOfCase) {
        var missing = a.kind() == ActionKind.PLATFORM_NOTICE || a.kind() == ActionKind.HOST_NOTICE
                ? NoticeCheck.dsaArticle16(a.urls(), a.reasons(), a.notifierIdentity(), a.goodFaith())
                : List.<NoticeCheck.Missing>of();
        var linked = clocksOfCase.stream().filter(c -> a.id().equals(c.actionId())).map(ClockRow::id)
                .collect(Collectors.toList());
        return new ActionView(a.id(), a.caseId(), a.kind(), a.status(), a.title(), a.recipient(), a.urls(), a.reasons(),
                a.notifierIdentity(), a.goodFaith(), a.publicationId(), a.sentAt(), a.answeredAt(), missing, linked,
                a.createdAt(), a.updatedAt());
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
