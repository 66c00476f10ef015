package io.taskforce.cases;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.identity.UserAccountRepository;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A case's team: who works on it, in which workstream, and who leads each. Only the team sees the case after triage. */
@Singleton
class TeamService {

    private final CaseAccess access;
    private final CaseService caseService;
    private final TeamRepository team;
    private final WorkstreamRepository workstreams;
    private final UserAccountRepository users;
    private final AuditTrail audit;
    private final CaseStories story;

    TeamService(CaseAccess access, CaseService caseService, TeamRepository team, WorkstreamRepository workstreams,
                UserAccountRepository users, AuditTrail audit, CaseStories story) {
        this.access = access;
        this.caseService = caseService;
        this.team = team;
        this.workstreams = workstreams;
        this.users = users;
        this.audit = audit;
        this.story = story;
    }

    List<TeamMember> list(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> team.findByCase(scope.tenantId(), scope.requireTeam().caseId()));
    }

    /** Adds a member, or changes their workstream or lead; a new lead of a workstream replaces the previous one. */
    Put put(Caller caller, UUID caseId, CaseRequests.TeamChange change) {
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            var person = users.findById(change.userId()).filter(u -> u.active() && u.firm().isPresent())
                    .orElseThrow(() -> ApiException.badRequest("userId: not an active member of the task force's staff."));
            if (workstreams.findByCase(scope.tenantId(), caseId).stream().noneMatch(w -> w.workstream() == change.workstream())) {
                throw ApiException.badRequest("workstream: " + change.workstream() + " is not active on this case.");
            }
            var before = team.findByCase(scope.tenantId(), caseId).stream().filter(m -> m.userId().equals(change.userId())).findFirst();
            if (change.lead()) {
                team.clearLead(scope.tenantId(), caseId, change.workstream().name(), change.userId());
            }
            team.put(scope.tenantId(), caseId, change.userId(), change.workstream().name(), change.lead(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            team.syncTeamColumn(scope.tenantId(), caseId);
            var changes = Changes.of().changed("member", before.map(m -> m.name()).orElse(null), person.displayName())
                    .changed("workstream", before.map(TeamMember::workstream).orElse(null), change.workstream())
                    .changed("lead", before.map(TeamMember::lead).orElse(null), change.lead());
            audit.record(caller, AuditEntry.ofCase(caseId, before.isPresent() ? "case.member_changed" : "case.member_added",
                    "case_member", change.userId(), changes));
            var member = team.findByCase(scope.tenantId(), caseId).stream().filter(m -> m.userId().equals(change.userId())).findFirst().orElseThrow();
            story.tell(caller, scope, before.isPresent() ? CaseStory.Kind.MEMBER_CHANGED : CaseStory.Kind.MEMBER_ADDED,
                    Map.of("member", member.name(), "workstream", member.workstream().name(), "lead", String.valueOf(member.lead())),
                    types(scope));
            return new Put(member, before.isEmpty());
        });
    }

    void remove(Caller caller, UUID caseId, UUID userId) {
        access.write(caller, caseId, scope -> {
            scope.requireTeam();
            if (userId.equals(caller.userId())) {
                throw ApiException.conflict("You cannot remove yourself from the team: ask another member of the team.");
            }
            var member = team.findByCase(scope.tenantId(), caseId).stream().filter(m -> m.userId().equals(userId)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("Team member"));
            var status = caseService.load(scope).status();
            if (member.lead() && (status == CaseStatus.ACTIVE || status == CaseStatus.MONITORING)) {
                throw ApiException.conflict(member.name() + " leads " + member.workstream()
                        + " on an active case: name another lead first.");
            }
            team.remove(scope.tenantId(), caseId, userId);
            team.syncTeamColumn(scope.tenantId(), caseId);
            audit.record(caller, AuditEntry.ofCase(caseId, "case.member_removed", "case_member", userId, Changes.of()
                    .removed("member", member.name()).removed("workstream", member.workstream()).removed("lead", member.lead())));
            story.tell(caller, scope, CaseStory.Kind.MEMBER_REMOVED,
                    Map.of("member", member.name(), "workstream", member.workstream().name()), types(scope));
            return null;
        });
    }

    private Set<CrisisType> types(CaseScope scope) {
        return Set.copyOf(CaseViews.crisisTypes(caseService.load(scope)));
    }

    /** A member after the change, and whether they were new on the team. */
    record Put(TeamMember member, boolean added) {
    }
}
