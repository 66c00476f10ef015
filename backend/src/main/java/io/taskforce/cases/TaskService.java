package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.platform.web.Keyset;
import io.taskforce.platform.web.Page;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Tasks of a case's workstreams. Consultants write every workstream's tasks; lawyers and reputation specialists
 * their own workstream's, and anyone the task is assigned to may move it along (DESIGN §2).
 */
@Singleton
class TaskService {

    /** Where undated tasks sort in "my tasks" (after every dated one); the same date as in the query. */
    private static final Instant UNDATED = Instant.parse("9999-12-31T00:00:00Z");

    private final CaseAccess access;
    private final CaseTaskRepository tasks;
    private final TeamRepository team;
    private final WorkstreamRepository workstreams;
    private final AuditTrail audit;
    private final CaseNews news;

    TaskService(CaseAccess access, CaseTaskRepository tasks, TeamRepository team, WorkstreamRepository workstreams,
                AuditTrail audit, CaseNews news) {
        this.access = access;
        this.tasks = tasks;
        this.team = team;
        this.workstreams = workstreams;
        this.audit = audit;
        this.news = news;
    }

    List<TaskView> list(Caller caller, UUID caseId) {
        var now = Instant.now();
        return access.read(caller, caseId, scope -> tasks.findRowsByCase(scope.tenantId(), scope.requireTeam().caseId())
                .stream().map(t -> TaskView.of(t, now)).toList());
    }

    TaskView create(Caller caller, UUID caseId, CaseRequests.NewTask request) {
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            checkMayWrite(caller, request.workstream(), null);
            if (workstreams.findByCase(scope.tenantId(), caseId).stream().noneMatch(w -> w.workstream() == request.workstream())) {
                throw ApiException.badRequest("workstream: " + request.workstream() + " is not active on this case.");
            }
            checkOnTeam(scope, request.assigneeId());
            var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            var task = tasks.save(new CaseTask(UUID.randomUUID(), scope.tenantId(), caseId, request.workstream(),
                    request.title().trim(), request.assigneeId(), request.dueAt(), TaskStatus.OPEN, TaskOrigin.MANUAL,
                    null, caller.userId(), now, null));
            audit.record(caller, AuditEntry.ofCase(caseId, "task.created", "task", task.id(), Changes.of()
                    .set("title", task.title()).set("workstream", task.workstream()).set("assigneeId", task.assigneeId())
                    .set("dueAt", task.dueAt())));
            if (task.assigneeId() != null) {
                news.taskAssigned(caller, scope, task.assigneeId(), task.title());
            }
            return view(scope, task.id());
        });
    }

    TaskView update(Caller caller, UUID taskId, CaseRequests.TaskChanges request) {
        UUID caseId = access.readAcross(caller, () -> tasks.findCaseOf(taskId))
                .orElseThrow(() -> ApiException.notFound("Task"));
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            var task = tasks.findByTenantIdAndId(scope.tenantId(), taskId).orElseThrow(() -> ApiException.notFound("Task"));
            checkMayWrite(caller, task.workstream(), task.assigneeId());
            if (request.assigneeId() != null) {
                checkOnTeam(scope, request.assigneeId());
            }
            var status = request.status() != null ? request.status() : task.status();
            var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            var changed = new CaseTask(task.id(), task.tenantId(), task.caseId(), task.workstream(),
                    request.title() != null ? request.title().trim() : task.title(),
                    request.assigneeId() != null ? request.assigneeId() : task.assigneeId(),
                    request.dueAt() != null ? request.dueAt() : task.dueAt(), status, task.origin(), task.handoffId(),
                    task.createdBy(), task.createdAt(),
                    status == TaskStatus.DONE ? (task.doneAt() != null ? task.doneAt() : now) : null);
            var changes = Changes.of().changed("title", task.title(), changed.title())
                    .changed("assigneeId", task.assigneeId(), changed.assigneeId())
                    .changed("dueAt", task.dueAt(), changed.dueAt()).changed("status", task.status(), changed.status());
            if (!changes.isEmpty()) {
                tasks.saveChanges(changed);
                audit.record(caller, AuditEntry.ofCase(caseId, "task.updated", "task", taskId, changes));
            }
            if (changed.assigneeId() != null && !changed.assigneeId().equals(task.assigneeId())) {
                news.taskAssigned(caller, scope, changed.assigneeId(), changed.title());
            }
            return view(scope, taskId);
        });
    }

    /** The caller's open tasks across their cases, overdue first. */
    Page<TaskView> mine(Caller caller, @Nullable String after, int limit) {
        var from = Keyset.parse(after);
        var now = Instant.now();
        return access.readAcross(caller, () -> {
            var rows = tasks.findOpenOfAssignee(caller.userId(), Keyset.atOf(from), Keyset.idOf(from), limit + 1);
            return Page.of(rows.stream().map(t -> TaskView.of(t, now)).toList(), limit,
                    t -> new Keyset(t.dueAt() == null ? UNDATED : t.dueAt(), t.id()).encode());
        });
    }

    private TaskView view(CaseScope scope, UUID taskId) {
        return tasks.findRow(scope.tenantId(), taskId).stream().findFirst().map(t -> TaskView.of(t, Instant.now()))
                .orElseThrow(() -> ApiException.notFound("Task"));
    }

    private static void checkMayWrite(Caller caller, Workstream workstream, @Nullable UUID assigneeId) {
        var firm = caller.user().firm();
        boolean ownWorkstream = firm != null && firm.name().equals(workstream.name());
        if (!caller.user().hasRole(Role.CONSULTANT) && !ownWorkstream && !caller.userId().equals(assigneeId)) {
            throw ApiException.forbidden("You write the tasks of your own workstream; " + workstream
                    + " tasks are its team's and the consultants'.");
        }
    }

    private void checkOnTeam(CaseScope scope, @Nullable UUID assigneeId) {
        if (assigneeId != null && team.findByCase(scope.tenantId(), scope.caseId()).stream().noneMatch(m -> m.userId().equals(assigneeId))) {
            throw ApiException.badRequest("assigneeId: tasks are assigned to members of the case's team.");
        }
    }
}
