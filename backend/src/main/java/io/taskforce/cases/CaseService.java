package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditEventView;
import io.taskforce.audit.AuditEventViews;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.platform.web.Keyset;
import io.taskforce.platform.web.Page;
import io.taskforce.tenancy.TenantDirectory;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Intake, the case and its lists, its status and workstreams, its audit trail. */
@Singleton
class CaseService {

    private final CaseAccess access;
    private final CaseFileRepository cases;
    private final WorkstreamRepository workstreams;
    private final TeamRepository team;
    private final CaseViews views;
    private final AuditTrail audit;
    private final AuditEventViews auditViews;
    private final TenantDirectory tenants;
    private final CaseNews news;
    private final CaseStories story;

    CaseService(CaseAccess access, CaseFileRepository cases, WorkstreamRepository workstreams, TeamRepository team,
                CaseViews views, AuditTrail audit, AuditEventViews auditViews, TenantDirectory tenants, CaseNews news,
                CaseStories story) {
        this.access = access;
        this.cases = cases;
        this.workstreams = workstreams;
        this.team = team;
        this.views = views;
        this.audit = audit;
        this.auditViews = auditViews;
        this.tenants = tenants;
        this.news = news;
        this.story = story;
    }

    /** A new NEW case: staff name the tenant, a client reports for their own. Answers what the reporter may see. */
    Object report(Caller caller, CaseRequests.NewCase request) {
        UUID tenantId = reportingTenant(caller, request);
        List<String> urls = checkedUrls(request.urls());
        boolean hostile = Boolean.TRUE.equals(request.hostilePublications()) || request.firstPublishedAt() != null;
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var firm = caller.user().firm();
        var created = new CaseFile(UUID.randomUUID(), tenantId, request.title().trim(), request.summary().trim(),
                request.occurredAt(), urls.toArray(String[]::new), request.personalData(), hostile,
                request.firstPublishedAt(), request.suspectedAuthor(), firm == null ? null : firm.name(),
                caller.userId(), now, CaseStatus.NEW, new String[0], null, null, null, null, null, 0);
        return access.writeNew(caller, tenantId, () -> {
            var saved = cases.save(created);
            audit.record(caller, AuditEntry.ofCase(saved.id(), "case.reported", "case", saved.id(), Changes.of()
                    .set("title", saved.title()).set("summary", saved.summary()).set("occurredAt", saved.occurredAt())
                    .set("urls", urls).set("personalData", saved.personalData())
                    .set("hostilePublications", saved.hostilePublications())
                    .set("firstPublishedAt", saved.firstPublishedAt()).set("suspectedAuthor", saved.suspectedAuthor())
                    .set("status", saved.status())));
            news.reported(caller, saved);
            return CaseAccess.isClient(caller) ? views.clientViews(List.of(saved)).get(0) : views.staffView(saved, false);
        });
    }

    Object get(Caller caller, UUID id) {
        return access.read(caller, id, scope -> {
            var c = load(scope);
            return scope.viewer() == CaseScope.Viewer.CLIENT ? views.clientViews(List.of(c)).get(0)
                    : views.staffView(c, scope.viewer() == CaseScope.Viewer.TEAM);
        });
    }

    Page<CaseSummary> mine(Caller caller, @Nullable String after, int limit) {
        var from = Keyset.parse(after);
        return access.readAcross(caller, () -> {
            var rows = cases.findOfMember(caller.getName(), Keyset.atOf(from), Keyset.idOf(from), limit + 1);
            return Page.of(views.summaries(rows), limit, s -> new Keyset(s.reportedAt(), s.id()).encode());
        });
    }

    Page<ClientCaseView> ofClient(Caller caller, @Nullable String after, int limit) {
        var from = Keyset.parse(after);
        return access.readAcross(caller, () -> {
            var rows = cases.findOfTenant(caller.user().tenantId(), Keyset.atOf(from), Keyset.idOf(from), limit + 1);
            return Page.of(views.clientViews(rows), limit, s -> new Keyset(s.reportedAt(), s.id()).encode());
        });
    }

    Page<IntakeItem> intake(Caller caller, @Nullable String after, int limit) {
        var from = Keyset.parse(after);
        return access.readAcross(caller, () -> {
            var rows = cases.findIntake(Keyset.atOf(from), Keyset.idOf(from), limit + 1);
            return Page.of(views.intakeItems(rows), limit, s -> new Keyset(s.reportedAt(), s.id()).encode());
        });
    }

    CasesSummary summary(Caller caller) {
        return access.readAcross(caller, () -> {
            var counts = cases.countOfMember(caller.getName());
            var bySeverity = counts.stream().filter(c -> c.severity() != null && !"CLOSED".equals(c.status()))
                    .collect(Collectors.groupingBy(CaseCount::severity, Collectors.summingLong(CaseCount::count)))
                    .entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> new CasesSummary.SeverityCount(e.getKey(), e.getValue())).toList();
            var byStatus = counts.stream()
                    .collect(Collectors.groupingBy(c -> CaseStatus.valueOf(c.status()), Collectors.summingLong(CaseCount::count)))
                    .entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> new CasesSummary.StatusCount(e.getKey(), e.getValue())).toList();
            return new CasesSummary(bySeverity, byStatus, cases.countIntake());
        });
    }

    CaseView changeStatus(Caller caller, UUID id, CaseRequests.StatusChange request) {
        return access.write(caller, id, scope -> {
            scope.requireTeam();
            var c = load(scope);
            var active = workstreams.findByCase(scope.tenantId(), id).stream().map(WorkstreamState::workstream).collect(Collectors.toSet());
            var led = team.findByCase(scope.tenantId(), id).stream().filter(TeamMember::lead).map(TeamMember::workstream).collect(Collectors.toSet());
            Set<Workstream> withoutLead = active.isEmpty() ? EnumSet.noneOf(Workstream.class) : EnumSet.copyOf(active);
            withoutLead.removeAll(led);
            CaseLifecycle.refusal(c.status(), request.status(), withoutLead).ifPresent(reason -> {
                throw ApiException.conflict(reason);
            });
            var saved = cases.saveStatus(c, request.status());
            audit.record(caller, AuditEntry.ofCase(id, "case.status_changed", "case", id, Changes.of()
                    .changed("status", c.status(), saved.status()).set("reason", request.reason())));
            news.statusChanged(caller, saved);
            story.tell(caller, scope, CaseStory.Kind.STATUS_CHANGED, java.util.Map.of("from", c.status().name(),
                    "to", saved.status().name()), Set.copyOf(CaseViews.crisisTypes(saved)));
            return views.staffView(saved, true);
        });
    }

    CaseView changeWorkstream(Caller caller, UUID id, Workstream workstream, CaseRequests.WorkstreamChange request) {
        return access.write(caller, id, scope -> {
            scope.requireTeam();
            var firm = caller.user().firm();
            if (!caller.user().hasRole(Role.CONSULTANT) && (firm == null || !firm.name().equals(workstream.name()))) {
                throw ApiException.forbidden("Only consultants and the " + workstream + " workstream change its status.");
            }
            var current = workstreams.findByCase(scope.tenantId(), id).stream().filter(w -> w.workstream() == workstream).findFirst()
                    .orElseThrow(() -> ApiException.notFound("Workstream"));
            if (current.status() != request.status()) {
                workstreams.updateStatus(scope.tenantId(), id, workstream.name(), request.status().name());
                audit.record(caller, AuditEntry.ofCase(id, "case.workstream_changed", "workstream", id + "/" + workstream,
                        Changes.of().changed("status", current.status(), request.status())));
            }
            return views.staffView(load(scope), true);
        });
    }

    Page<AuditEventView> audit(Caller caller, UUID id, @Nullable Long before, int limit) {
        return access.read(caller, id, scope -> auditViews.casePage(scope.requireTeam().caseId(), before, limit));
    }

    CaseFile load(CaseScope scope) {
        return cases.findByTenantIdAndId(scope.tenantId(), scope.caseId()).orElseThrow(() -> ApiException.notFound("Case"));
    }

    private UUID reportingTenant(Caller caller, CaseRequests.NewCase request) {
        if (CaseAccess.isClient(caller) && !CaseAccess.isStaff(caller)) {
            if (request.tenantId() != null) {
                throw ApiException.badRequest("tenantId: a client reports incidents for their own company; leave it out.");
            }
            return caller.user().tenantId();
        }
        if (request.tenantId() == null) {
            throw ApiException.badRequest("tenantId: name the company the incident is reported for.");
        }
        if (!tenants.isActive(request.tenantId())) {
            throw ApiException.badRequest("tenantId: no active company has this id.");
        }
        return request.tenantId();
    }

    private static List<String> checkedUrls(@Nullable List<String> urls) {
        if (urls == null) {
            return List.of();
        }
        return urls.stream().map(String::trim).filter(u -> !u.isEmpty()).map(u -> {
            try {
                var uri = URI.create(u);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return u;
                }
            } catch (IllegalArgumentException e) {
                // answered below
            }
            throw ApiException.badRequest("urls: '" + u + "' is not an http(s) address.");
        }).distinct().toList();
    }
}
