package io.taskforce.cases;

import io.taskforce.identity.UserAccount;
import io.taskforce.identity.UserAccountRepository;
import io.taskforce.tenancy.TenantDirectory;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns case rows into what each caller sees; inside the transaction that read them. */
@Singleton
class CaseViews {

    private final WorkstreamRepository workstreams;
    private final TeamRepository team;
    private final CaseTaskRepository tasks;
    private final ClockProposalRepository clocks;
    private final TenantDirectory tenants;
    private final UserAccountRepository users;

    CaseViews(WorkstreamRepository workstreams, TeamRepository team, CaseTaskRepository tasks,
              ClockProposalRepository clocks, TenantDirectory tenants, UserAccountRepository users) {
        this.workstreams = workstreams;
        this.team = team;
        this.tasks = tasks;
        this.clocks = clocks;
        this.tenants = tenants;
        this.users = users;
    }

    CaseView staffView(CaseFile c, boolean onTeam) {
        var leads = team.findByCase(c.tenantId(), c.id()).stream().filter(TeamMember::lead)
                .collect(Collectors.toMap(TeamMember::workstream, m -> m));
        var progress = progressOf(List.of(c));
        var streams = workstreams.findByCase(c.tenantId(), c.id()).stream().map(w -> {
            var lead = leads.get(w.workstream());
            var p = progress.getOrDefault(key(c.id(), w.workstream()), new TaskProgress(c.id(), w.workstream(), 0, 0));
            return new WorkstreamView(w.workstream(), w.status(), lead == null ? null : lead.userId(),
                    lead == null ? null : lead.name(), p.done(), p.total());
        }).toList();
        return new CaseView(c.id(), c.tenantId(), tenantName(c.tenantId()), c.title(), c.summary(), c.occurredAt(),
                c.reportedAt(), users.findById(c.reportedBy()).map(UserAccount::displayName).orElse(null),
                List.of(c.urls()), c.personalData(), c.hostilePublications(), c.firstPublishedAt(), c.suspectedAuthor(),
                c.entryFirm(), c.status(), crisisTypes(c), c.cluster(), c.severity(), c.kinetics(), c.phase(),
                c.triagedAt(), streams, clocks.findByCase(c.tenantId(), c.id()), onTeam, c.version());
    }

    List<ClientCaseView> clientViews(List<CaseFile> cases) {
        var streams = workstreamsOf(cases);
        var progress = progressOf(cases);
        return cases.stream().map(c -> new ClientCaseView(c.id(), c.title(), c.status(), c.phase(), c.reportedAt(),
                streams.stream().filter(w -> w.caseId().equals(c.id())).map(w -> {
                    var p = progress.get(key(c.id(), w.workstream()));
                    return new ClientCaseView.Progress(w.workstream(), w.status(), p == null ? 0 : p.done(),
                            p == null ? 0 : p.total());
                }).toList())).toList();
    }

    List<CaseSummary> summaries(List<CaseFile> cases) {
        var streams = workstreamsOf(cases);
        var names = tenants.namesOf(tenantsOf(cases));
        return cases.stream().map(c -> new CaseSummary(c.id(), c.tenantId(), names.getOrDefault(c.tenantId(), ""),
                c.title(), c.status(), c.severity(), c.phase(), c.kinetics(), c.reportedAt(),
                streams.stream().filter(w -> w.caseId().equals(c.id())).map(WorkstreamState::workstream).toList())).toList();
    }

    List<IntakeItem> intakeItems(List<CaseFile> cases) {
        var names = tenants.namesOf(tenantsOf(cases));
        return cases.stream().map(c -> new IntakeItem(c.id(), c.tenantId(), names.getOrDefault(c.tenantId(), ""),
                c.title(), c.summary(), c.occurredAt(), c.reportedAt(), List.of(c.urls()), c.personalData(),
                c.hostilePublications(), c.firstPublishedAt(), c.suspectedAuthor(), c.entryFirm())).toList();
    }

    String tenantName(UUID tenantId) {
        return tenants.nameOf(tenantId).orElse("");
    }

    static List<CrisisType> crisisTypes(CaseFile c) {
        return Arrays.stream(c.crisisTypes()).map(CrisisType::valueOf).sorted().toList();
    }

    private List<WorkstreamState> workstreamsOf(List<CaseFile> cases) {
        return cases.isEmpty() ? List.of() : workstreams.findByCases(tenantsOf(cases), idsOf(cases));
    }

    private Map<String, TaskProgress> progressOf(List<CaseFile> cases) {
        if (cases.isEmpty()) {
            return Map.of();
        }
        return tasks.progressOf(tenantsOf(cases), idsOf(cases)).stream()
                .collect(Collectors.toMap(p -> key(p.caseId(), p.workstream()), p -> p));
    }

    private static Set<UUID> tenantsOf(List<CaseFile> cases) {
        return cases.stream().map(CaseFile::tenantId).collect(Collectors.toSet());
    }

    private static List<UUID> idsOf(List<CaseFile> cases) {
        return cases.stream().map(CaseFile::id).toList();
    }

    private static String key(UUID caseId, Workstream workstream) {
        return caseId + "/" + workstream;
    }
}
