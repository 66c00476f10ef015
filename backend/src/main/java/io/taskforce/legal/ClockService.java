package io.taskforce.legal;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.cases.CaseScope;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.legal.ClockRecords.ClockRow;
import io.taskforce.legal.ClockRecords.Origin;
import io.taskforce.legal.ClockViews.CalendarEntry;
import io.taskforce.legal.ClockViews.ClockBoard;
import io.taskforce.legal.ClockViews.ClockView;
import io.taskforce.legal.ClockViews.ProposalView;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Clocks on a case. Like every feature acting on a case, through {@link CaseAccess}: the case's tenant transaction,
 * the team check (404 otherwise), the role check (only lawyers start and close clocks: 403), the change and one audit
 * event in the same transaction. A clock keeps the rule version it started with and the deadline computed then; its
 * reminders are planned at start, follow the case's team as it changes ({@link RemindersFollowTeam}) and are sent by
 * {@link ClockReminders}.
 */
@Singleton
class ClockService {

    private final CaseAccess access;
    private final ClockStore clocks;
    private final RuleStore rules;
    private final AuditTrail audit;

    ClockService(CaseAccess access, ClockStore clocks, RuleStore rules, AuditTrail audit) {
        this.access = access;
        this.clocks = clocks;
        this.rules = rules;
        this.audit = audit;
    }

    ClockBoard board(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            var rows = clocks.ofCase(scope.tenantId(), caseId);
            var views = views(rows);
            var proposals = clocks.proposals(scope.tenantId(), caseId).stream().map(p -> {
                var rule = rules.current(p.ruleId()).orElseThrow().rule();
                boolean started = rows.stream().anyMatch(c -> c.ruleId().equals(p.ruleId()));
                return new ProposalView(p.triageRule(), p.ruleId(), rule.nameFr(), rule.nameEn(), p.triggerAt(),
                        Qualification.PUBLICATION_RULES.contains(p.ruleId()), started);
            }).toList();
            return new ClockBoard(views, proposals);
        });
    }

    ClockView start(Caller caller, UUID caseId, ClockRequests.StartClock request) {
        return access.write(caller, caseId, scope -> {
            requireLawyer(caller, scope);
            var rule = rules.current(request.rule())
                    .orElseThrow(() -> ApiException.badRequest("rule: no deadline rule '" + request.rule() + "'.")).rule();
            if (Qualification.PUBLICATION_RULES.contains(rule.id())) {
                throw ApiException.conflict("A " + rule.id() + " clock starts from a qualified hostile publication: "
                        + "record the publication and qualify it.");
            }
            if (!clocks.runningOfRule(scope.tenantId(), caseId, rule.id()).isEmpty()) {
                throw ApiException.conflict("A " + rule.id() + " clock is already running on this case.");
            }
            var responsible = request.responsibleId() == null ? caller.userId() : request.responsibleId();
            var facts = clocks.caseFacts(scope.tenantId(), caseId);
            if (!facts.lawyers().contains(responsible)) {
                throw ApiException.badRequest("responsibleId: the person answering for a clock must be a lawyer on the case's team.");
            }
            var origin = clocks.proposals(scope.tenantId(), caseId).stream().anyMatch(p -> p.ruleId().equals(rule.id())) ? Origin.TRIAGE : Origin.MANUAL;
            var clock = startClock(caller, scope, rule, request.triggerAt(), responsible, origin, null, null);
            audit.record(caller, AuditEntry.ofCase(caseId, "legal_clock.started", "legal_clock", clock.id(), started(clock)));
            return views(List.of(clock)).get(0);
        });
    }

    ClockView close(Caller caller, UUID clockId, ClockRequests.CloseClock request) {
        UUID caseId = caseOf(caller, clockId);
        return access.write(caller, caseId, scope -> {
            requireLawyer(caller, scope);
            var clock = clocks.lock(scope.tenantId(), clockId).orElseThrow(() -> ApiException.notFound("Clock"));
            String reason = request.reason() == null ? "" : request.reason().strip();
            if (request.state() != ClockState.ACTED_UPON && request.state() != ClockState.WAIVED) {
                throw ApiException.badRequest("state: a clock is closed as ACTED_UPON or WAIVED.");
            }
            if (request.state() == ClockState.WAIVED && reason.isEmpty()) {
                throw ApiException.badRequest("reason: say why the clock is waived.");
            }
            if (clock.state() != ClockState.RUNNING) {
                throw ApiException.conflict("The clock is already " + clock.state() + ".");
            }
            var closed = clock.closed(request.state(), reason, caller.userId(), now(), null);
            clocks.close(closed);
            audit.record(caller, AuditEntry.ofCase(caseId, "legal_clock.closed", "legal_clock", clockId, Changes.of()
                    .changed("state", clock.state(), closed.state()).set("reason", reason).set("ruleId", clock.ruleId())));
            return views(List.of(closed)).get(0);
        });
    }

    /** The client's view of the legal workstream (the team may read it too): dates and states only. */
    LegalStatus status(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            if (scope.viewer() == CaseScope.Viewer.INTAKE) {
                throw ApiException.notFound("Case");
            }
            var clockStates = views(clocks.ofCase(scope.tenantId(), caseId)).stream()
                    .map(c -> new LegalStatus.ClockStatus(c.ruleId(), c.nameFr(), c.nameEn(), c.lastDay(), c.state())).toList();
            return new LegalStatus(clockStates, clocks.actionStates(scope.tenantId(), caseId));
        });
    }

    /** A lawyer's running clocks across their cases, soonest first. */
    List<CalendarEntry> calendar(Caller caller) {
        if (!caller.user().hasRole(Role.LAWYER)) {
            throw ApiException.forbidden("The legal calendar is a lawyer's.");
        }
        return access.readAcross(caller, () -> {
            var rows = clocks.runningOfMember(caller.userId());
            var views = views(rows);
            var titles = new HashMap<UUID, String>();
            rows.forEach(c -> titles.computeIfAbsent(c.caseId(), id -> clocks.caseTitle(c.tenantId(), id).orElse("")));
            return views.stream().map(v -> new CalendarEntry(v.caseId(), titles.get(v.caseId()), v)).toList();
        });
    }

    /**
     * Starts a clock inside the caller's case transaction and plans its reminders; the caller records the audit event
     * (one per request). Used by publications (qualification, republication) and legal actions too.
     */
    ClockRow startClock(Caller caller, CaseScope scope, DeadlineRule rule, Instant triggerAt, @Nullable UUID responsible,
                        Origin origin, @Nullable UUID publicationId, @Nullable UUID actionId) {
        var deadline = rule.deadlineFrom(triggerAt);
        var now = now();
        var clock = new ClockRow(UUID.randomUUID(), scope.tenantId(), scope.caseId(), rule.id(), rule.version(),
                triggerAt, deadline.lastDay(), deadline.endsAt(), deadline.nonWorkingLastDay(), ClockState.RUNNING, "",
                responsible, origin, publicationId, actionId, caller.userId(), now, null, null);
        clocks.insert(clock);
        var facts = clocks.caseFacts(scope.tenantId(), scope.caseId());
        for (var reminder : rule.remindersFrom(triggerAt)) {
            // a reminder already past when the clock starts would only be noise
            if (reminder.dueAt().isAfter(now)) {
                clocks.planReminder(clock, reminder, facts.team().reminded(), facts.title(), rule.nameFr() + " / " + rule.nameEn());
            }
        }
        return clock;
    }

    static Changes started(ClockRow clock) {
        return Changes.of().set("ruleId", clock.ruleId()).set("ruleVersion", clock.ruleVersion())
                .set("triggerAt", clock.triggerAt()).set("lastDay", clock.lastDay()).set("endsAt", clock.endsAt())
                .set("origin", clock.origin());
    }

    List<ClockView> views(List<ClockRow> rows) {
        var now = now();
        Map<String, DeadlineRule> versions = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        return rows.stream().map(c -> {
            var rule = versions.computeIfAbsent(c.ruleId() + "@" + c.ruleVersion(),
                    k -> rules.version(c.ruleId(), c.ruleVersion()).orElseThrow().rule());
            String responsibleName = c.responsibleId() == null ? null
                    : names.computeIfAbsent(c.responsibleId(), id -> clocks.nameOf(id).orElse(null));
            return new ClockView(c.id(), c.caseId(), c.ruleId(), c.ruleVersion(), rule.nameFr(), rule.nameEn(),
                    rule.basis(), rule.textVersion(), rule.counting(), c.triggerAt(), c.lastDay(), c.endsAt(),
                    c.nonWorkingLastDay(), ClockState.shown(c.state(), c.endsAt(), now), c.stateReason(),
                    c.responsibleId(), responsibleName, c.origin(), c.publicationId(), c.actionId(), c.createdAt(),
                    c.closedAt());
        }).toList();
    }

    static void requireLawyer(Caller caller, CaseScope scope) {
        scope.requireTeam();
        if (!caller.user().hasRole(Role.LAWYER)) {
            throw ApiException.forbidden("Only a lawyer on the case's team may do this.");
        }
    }

    private UUID caseOf(Caller caller, UUID clockId) {
        return access.readAcross(caller, () -> clocks.caseOf(clockId))
                .orElseThrow(() -> ApiException.notFound("Clock"));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
