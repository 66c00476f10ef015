package io.taskforce.cases;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.identity.UserAccount;
import io.taskforce.identity.UserAccountRepository;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Hand-offs between workstreams: a takedown that needs a lawyer, a reply that needs legal review, a rumour for the
 * communication lead. A hand-off lands in the target workstream's queue on the case and, as a task, with its lead;
 * it is answered or declined with a reply, which closes that task.
 */
@Singleton
class HandoffService {

    private static final Duration ANSWER_WITHIN = Duration.ofHours(24);

    private final CaseAccess access;
    private final HandoffRepository handoffs;
    private final CaseTaskRepository tasks;
    private final TeamRepository team;
    private final WorkstreamRepository workstreams;
    private final UserAccountRepository users;
    private final AuditTrail audit;
    private final CaseNews news;

    HandoffService(CaseAccess access, HandoffRepository handoffs, CaseTaskRepository tasks, TeamRepository team,
                   WorkstreamRepository workstreams, UserAccountRepository users, AuditTrail audit, CaseNews news) {
        this.access = access;
        this.handoffs = handoffs;
        this.tasks = tasks;
        this.team = team;
        this.workstreams = workstreams;
        this.users = users;
        this.audit = audit;
        this.news = news;
    }

    List<HandoffView> list(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope ->
                handoffs.findByCase(scope.tenantId(), scope.requireTeam().caseId()).stream().map(this::view).toList());
    }

    HandoffView create(Caller caller, UUID caseId, CaseRequests.NewHandoff request) {
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            if (request.fromWorkstream() == request.toWorkstream()) {
                throw ApiException.badRequest("toWorkstream: hand the item to another workstream than its own.");
            }
            if (workstreams.findByCase(scope.tenantId(), caseId).stream().noneMatch(w -> w.workstream() == request.toWorkstream())) {
                throw ApiException.badRequest("toWorkstream: " + request.toWorkstream() + " is not active on this case.");
            }
            checkSpeaksFor(caller, request.fromWorkstream());
            var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            var handoff = handoffs.save(new Handoff(UUID.randomUUID(), scope.tenantId(), caseId, request.fromWorkstream(),
                    request.toWorkstream(), request.note().trim(), HandoffStatus.OPEN, null, caller.userId(), now, null, null));
            var lead = team.findByCase(scope.tenantId(), caseId).stream()
                    .filter(m -> m.lead() && m.workstream() == request.toWorkstream()).findFirst();
            var task = tasks.save(new CaseTask(UUID.randomUUID(), scope.tenantId(), caseId, request.toWorkstream(),
                    taskTitle(handoff), lead.map(TeamMember::userId).orElse(null), now.plus(ANSWER_WITHIN),
                    TaskStatus.OPEN, TaskOrigin.HANDOFF, handoff.id(), caller.userId(), now, null));
            audit.record(caller, AuditEntry.ofCase(caseId, "handoff.created", "handoff", handoff.id(), Changes.of()
                    .set("fromWorkstream", handoff.fromWorkstream()).set("toWorkstream", handoff.toWorkstream())
                    .set("note", handoff.note()).set("taskId", task.id()).set("assigneeId", task.assigneeId())));
            news.handoffRequested(caller, scope, handoff.toWorkstream(), lead.map(TeamMember::userId));
            return view(handoff);
        });
    }

    HandoffView answer(Caller caller, UUID handoffId, CaseRequests.HandoffAnswer answer) {
        if (answer.decision() == HandoffStatus.OPEN) {
            throw ApiException.badRequest("decision: ANSWERED or DECLINED.");
        }
        UUID caseId = access.readAcross(caller, () -> handoffs.findCaseOf(handoffId))
                .orElseThrow(() -> ApiException.notFound("Hand-off"));
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            var handoff = handoffs.findByTenantIdAndId(scope.tenantId(), handoffId).orElseThrow(() -> ApiException.notFound("Hand-off"));
            checkSpeaksFor(caller, handoff.toWorkstream());
            if (handoff.status() != HandoffStatus.OPEN) {
                throw ApiException.conflict("This hand-off was already " + handoff.status().name().toLowerCase() + ".");
            }
            var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            var saved = handoffs.saveAnswer(handoff.answered(answer.decision(), answer.reply().trim(), caller.userId(), now));
            tasks.findByTenantIdAndHandoffId(scope.tenantId(), handoffId).stream().filter(CaseTask::open).forEach(t -> tasks.saveChanges(new CaseTask(
                    t.id(), t.tenantId(), t.caseId(), t.workstream(), t.title(), t.assigneeId(), t.dueAt(),
                    answer.decision() == HandoffStatus.ANSWERED ? TaskStatus.DONE : TaskStatus.CANCELLED, t.origin(),
                    t.handoffId(), t.createdBy(), t.createdAt(), answer.decision() == HandoffStatus.ANSWERED ? now : null)));
            audit.record(caller, AuditEntry.ofCase(caseId,
                    answer.decision() == HandoffStatus.ANSWERED ? "handoff.answered" : "handoff.declined", "handoff",
                    handoffId, Changes.of().changed("status", handoff.status(), saved.status()).set("reply", saved.reply())));
            return view(saved);
        });
    }

    /** Consultants speak for every workstream; others for their firm's. */
    private static void checkSpeaksFor(Caller caller, Workstream workstream) {
        var firm = caller.user().firm();
        if (!caller.user().hasRole(Role.CONSULTANT) && (firm == null || !firm.name().equals(workstream.name()))) {
            throw ApiException.forbidden("Only the " + workstream + " workstream and the consultants act for it here.");
        }
    }

    private static String taskTitle(Handoff handoff) {
        String note = handoff.note().length() > 120 ? handoff.note().substring(0, 117) + "…" : handoff.note();
        return "Hand-off from " + handoff.fromWorkstream() + ": " + note;
    }

    private HandoffView view(Handoff h) {
        return new HandoffView(h.id(), h.caseId(), h.fromWorkstream(), h.toWorkstream(), h.note(), h.status(), h.reply(),
                nameOf(h.createdBy()), h.createdAt(), h.answeredBy() == null ? null : nameOf(h.answeredBy()), h.answeredAt());
    }

    private String nameOf(UUID userId) {
        return users.findById(userId).map(UserAccount::displayName).orElse("?");
    }
}
