package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.identity.Caller;
import io.taskforce.notify.Announcement;
import io.taskforce.notify.Announcements;
import io.taskforce.notify.NotifyEvent;
import io.taskforce.tenancy.TenantDirectory;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who hears of what happens to a case, announced in the transaction of the change (the outbox): consultants of a
 * new incident, the team and the client of a change of phase, a person of the task given to them, a workstream
 * of a hand-off to it. Nobody is told of what they did themself. Each announcement also names the firms concerned
 * (the case's workstreams that are routed and not done, and the target of a hand-off), whose webhooks hear of it.
 */
@Singleton
class CaseNews {

    private final Announcements announcements;
    private final TenantDirectory tenants;
    private final TeamRepository team;
    private final CaseFileRepository cases;
    private final WorkstreamRepository workstreams;

    CaseNews(Announcements announcements, TenantDirectory tenants, TeamRepository team, CaseFileRepository cases,
             WorkstreamRepository workstreams) {
        this.announcements = announcements;
        this.tenants = tenants;
        this.team = team;
        this.cases = cases;
        this.workstreams = workstreams;
    }

    void reported(Caller caller, CaseFile c) {
        announce(caller, NotifyEvent.CASE_REPORTED, c, announcements.consultants(), null, Set.of());
    }

    void statusChanged(Caller caller, CaseFile c) {
        var recipients = new HashSet<UUID>(announcements.clientsOfTenant(c.tenantId()));
        team.findByCase(c.tenantId(), c.id()).forEach(m -> recipients.add(m.userId()));
        announce(caller, NotifyEvent.CASE_STATUS_CHANGED, c, recipients, c.status().name(), Set.of());
    }

    void taskAssigned(Caller caller, CaseScope scope, UUID assigneeId, String title) {
        cases.findByTenantIdAndId(scope.tenantId(), scope.caseId())
                .ifPresent(c -> announce(caller, NotifyEvent.TASK_ASSIGNED, c, List.of(assigneeId), title, Set.of()));
    }

    /** To the lead of the receiving workstream, or to all its members on the team when it has none. */
    void handoffRequested(Caller caller, CaseScope scope, Workstream to, Optional<UUID> lead) {
        var recipients = lead.map(List::of).orElseGet(() -> team.findByCase(scope.tenantId(), scope.caseId()).stream()
                .filter(m -> m.workstream() == to).map(TeamMember::userId).toList());
        cases.findByTenantIdAndId(scope.tenantId(), scope.caseId())
                .ifPresent(c -> announce(caller, NotifyEvent.HANDOFF_REQUESTED, c, recipients, to.name(), Set.of(to)));
    }

    private void announce(Caller caller, NotifyEvent event, CaseFile c, Collection<UUID> recipients,
                          @Nullable String detail, Set<Workstream> also) {
        var others = new HashSet<>(recipients);
        var firms = new HashSet<String>();
        workstreams.findByCase(c.tenantId(), c.id()).stream().filter(w -> w.status() != WorkstreamStatus.DONE)
                .forEach(w -> firms.add(w.workstream().name()));
        also.forEach(w -> firms.add(w.name()));
        others.remove(caller.userId());
        String actor = caller.user().name() != null ? caller.user().name() : caller.user().username();
        announcements.announce(new Announcement(event, c.id(), others, c.title(),
                tenants.nameOf(c.tenantId()).orElse(null), actor, detail, firms));
    }
}
