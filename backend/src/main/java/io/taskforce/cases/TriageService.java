package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Triage: the routing rules' proposal, and its confirmation as the consultant adjusted it. Confirming sets the
 * case's triage fields, its workstreams (lead first), the proposed clocks and the first-hour tasks, and puts the
 * consultant on the team — one transaction, one audit event.
 */
@Singleton
class TriageService {

    private final CaseAccess access;
    private final CaseService caseService;
    private final CaseFileRepository cases;
    private final WorkstreamRepository workstreams;
    private final TeamRepository team;
    private final ClockProposalRepository clocks;
    private final CaseTaskRepository tasks;
    private final CaseViews views;
    private final AuditTrail audit;
    private final CaseStories story;

    TriageService(CaseAccess access, CaseService caseService, CaseFileRepository cases, WorkstreamRepository workstreams,
                  TeamRepository team, ClockProposalRepository clocks, CaseTaskRepository tasks, CaseViews views,
                  AuditTrail audit, CaseStories story) {
        this.access = access;
        this.caseService = caseService;
        this.cases = cases;
        this.workstreams = workstreams;
        this.team = team;
        this.clocks = clocks;
        this.tasks = tasks;
        this.views = views;
        this.audit = audit;
        this.story = story;
    }

    /** The rules' proposal; crisis types and kinetics given here replace those of the case (the form's live preview). */
    TriageProposal propose(Caller caller, UUID id, @Nullable List<CrisisType> crisisTypes, @Nullable Kinetics kinetics,
                           String language) {
        return access.read(caller, id, scope -> {
            scope.requireStaff();
            var c = caseService.load(scope);
            var facts = c.facts();
            var adjusted = new TriageFacts(crisisTypes != null ? Set.copyOf(crisisTypes) : facts.crisisTypes(),
                    kinetics != null ? kinetics : facts.kinetics(), facts.personalData(), facts.hostilePublications(),
                    facts.suspectedAuthor(), facts.occurredAt(), facts.firstPublishedAt(), facts.reportedAt());
            var outcome = TriageRules.propose(adjusted);
            var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            return new TriageProposal(outcome.crisisTypes().stream().sorted().toList(), outcome.cluster(),
                    outcome.severity(), outcome.kinetics(), outcome.phase(), outcome.workstreams(),
                    outcome.clocks().stream().map(k -> new ProposedClock(k.rule(), k.triggerAt())).toList(),
                    outcome.tasks().stream().map(t -> new TriageProposal.Task(TaskTitles.of(t.code(), language),
                            t.workstream(), now.plus(t.dueIn()))).toList());
        });
    }

    CaseView confirm(Caller caller, UUID id, TriageProposal triage) {
        checkConsistent(triage);
        return access.write(caller, id, scope -> {
            scope.requireStaff();
            var c = caseService.load(scope);
            if (c.status() != CaseStatus.NEW && c.status() != CaseStatus.TRIAGED) {
                throw ApiException.conflict("Only a NEW or TRIAGED case is triaged; this one is " + c.status() + ".");
            }
            var me = caller.userId();
            var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            // the policies admit writes to a case's rows from its team only: join the team on the case row first
            team.joinTeamColumn(scope.tenantId(), id, me.toString());
            var types = triage.crisisTypes().stream().distinct().sorted().map(Enum::name).toArray(String[]::new);
            var saved = cases.saveTriage(c.triaged(types, triage.cluster(), triage.severity(), triage.kinetics(),
                    triage.phase(), now));

            var before = workstreams.findByCase(scope.tenantId(), id).stream().map(WorkstreamState::workstream).toList();
            workstreams.deleteByCase(scope.tenantId(), id);
            for (int i = 0; i < triage.workstreams().size(); i++) {
                workstreams.add(scope.tenantId(), id, triage.workstreams().get(i).name(), i, WorkstreamStatus.NOT_STARTED.name());
            }
            boolean leadsCommunication = triage.workstreams().contains(Workstream.COMMUNICATION)
                    && team.findByCase(scope.tenantId(), id).stream().noneMatch(m -> m.lead() && m.workstream() == Workstream.COMMUNICATION);
            if (team.findByCase(scope.tenantId(), id).stream().noneMatch(m -> m.userId().equals(me))) {
                team.put(scope.tenantId(), id, me, Workstream.COMMUNICATION.name(), leadsCommunication, now);
            }
            team.syncTeamColumn(scope.tenantId(), id);

            clocks.deleteByCase(scope.tenantId(), id);
            var clockList = triage.clocks() == null ? List.<ProposedClock>of() : triage.clocks();
            clockList.forEach(k -> clocks.add(scope.tenantId(), id, k.rule().name(), k.triggerAt()));

            var taskList = triage.tasks() == null ? List.<TriageProposal.Task>of() : triage.tasks();
            var created = new ArrayList<String>();
            for (var t : taskList) {
                var assignee = t.workstream() == Workstream.COMMUNICATION && leadsCommunication ? me : null;
                tasks.save(new CaseTask(UUID.randomUUID(), scope.tenantId(), id, t.workstream(), t.title().trim(),
                        assignee, t.dueAt(), TaskStatus.OPEN, TaskOrigin.TRIAGE, null, me, now, null));
                created.add(t.workstream() + ": " + t.title().trim());
            }
            audit.record(caller, AuditEntry.ofCase(id, "case.triaged", "case", id, Changes.of()
                    .changed("status", c.status(), saved.status())
                    .changed("crisisTypes", CaseViews.crisisTypes(c), CaseViews.crisisTypes(saved))
                    .changed("cluster", c.cluster(), saved.cluster()).changed("severity", c.severity(), saved.severity())
                    .changed("kinetics", c.kinetics(), saved.kinetics()).changed("phase", c.phase(), saved.phase())
                    .changed("workstreams", before, triage.workstreams())
                    .set("clocks", clockList.stream().map(k -> k.rule() + "@" + k.triggerAt()).toList())
                    .set("tasks", created)));
            var triagedTypes = Set.copyOf(CaseViews.crisisTypes(saved));
            story.tell(caller, scope, CaseStory.Kind.TRIAGED, java.util.Map.of("crisisTypes",
                    String.join(",", CaseViews.crisisTypes(saved).stream().map(Enum::name).toList()),
                    "severity", String.valueOf(saved.severity()), "phase", String.valueOf(saved.phase()),
                    "workstreams", String.join(",", triage.workstreams().stream().map(Enum::name).toList())), triagedTypes);
            if (c.phase() != null && c.phase() != saved.phase()) {
                story.tell(caller, scope, CaseStory.Kind.PHASE_CHANGED,
                        java.util.Map.of("from", c.phase().name(), "to", String.valueOf(saved.phase())), triagedTypes);
            }
            return views.staffView(saved, true);
        });
    }

    /** Tasks go to workstreams the triage activates; a clock rule or a workstream appears once. */
    private static void checkConsistent(TriageProposal triage) {
        if (new HashSet<>(triage.workstreams()).size() != triage.workstreams().size()) {
            throw ApiException.badRequest("workstreams: each workstream appears once.");
        }
        if (triage.tasks() != null) {
            triage.tasks().stream().filter(t -> !triage.workstreams().contains(t.workstream())).findFirst()
                    .ifPresent(t -> {
                        throw ApiException.badRequest("tasks: '" + t.title() + "' belongs to " + t.workstream()
                                + ", which this triage does not activate.");
                    });
        }
        if (triage.clocks() != null
                && triage.clocks().stream().map(ProposedClock::rule).distinct().count() != triage.clocks().size()) {
            throw ApiException.badRequest("clocks: each rule appears once.");
        }
    }
}
