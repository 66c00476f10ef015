package io.taskforce.legal;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.cases.CaseScope;
import io.taskforce.identity.Caller;
import io.taskforce.legal.ClockRecords.ClockRow;
import io.taskforce.legal.ClockRecords.Origin;
import io.taskforce.legal.ClockRecords.PublicationRow;
import io.taskforce.legal.ClockRecords.RepublicationRow;
import io.taskforce.legal.PublicationViews.PublicationView;
import io.taskforce.legal.PublicationViews.RepublicationView;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Hostile publications (DESIGN §4). A lawyer qualifies each one, and the qualification picks the rules whose clocks
 * start from it (from its latest posting); a new qualification waives the clocks of the old one. A republication
 * starts a new period: new clocks from the republication date, next to those of the first posting (which still run).
 */
@Singleton
class PublicationService {

    private final CaseAccess access;
    private final PublicationStore publications;
    private final ClockStore clockRows;
    private final ClockService clocks;
    private final RuleStore rules;
    private final AuditTrail audit;

    PublicationService(CaseAccess access, PublicationStore publications, ClockStore clockRows, ClockService clocks,
                       RuleStore rules, AuditTrail audit) {
        this.access = access;
        this.publications = publications;
        this.clockRows = clockRows;
        this.clocks = clocks;
        this.rules = rules;
        this.audit = audit;
    }

    List<PublicationView> list(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            return publications.ofCase(scope.tenantId(), caseId).stream().map(this::view).toList();
        });
    }

    PublicationView record(Caller caller, UUID caseId, PublicationViews.NewPublication request) {
        return access.write(caller, caseId, scope -> {
            ClockService.requireLawyer(caller, scope);
            var now = ClockService.now();
            if (request.firstPublishedAt().isAfter(now)) {
                throw ApiException.badRequest("firstPublishedAt: a publication cannot be in the future.");
            }
            var p = new PublicationRow(UUID.randomUUID(), scope.tenantId(), caseId, request.url().strip(),
                    request.firstPublishedAt(), null, null, null, caller.userId(), now);
            publications.insert(p);
            audit.record(caller, AuditEntry.ofCase(caseId, "legal_publication.recorded", "legal_publication", p.id(),
                    Changes.of().set("url", p.url()).set("firstPublishedAt", p.firstPublishedAt())));
            return view(p);
        });
    }

    PublicationView qualify(Caller caller, UUID publicationId, Qualification qualification) {
        return act(caller, publicationId, (scope, p) -> {
            if (qualification == p.qualification()) {
                return p; // the same qualification again: its clocks already run
            }
            var now = ClockService.now();
            var waived = new ArrayList<String>();
            for (var clock : clockRows.runningOfPublication(p.tenantId(), p.id())) {
                clockRows.close(clock.closed(ClockState.WAIVED, "Requalified: " + p.qualification() + " → " + qualification,
                        caller.userId(), now, null));
                waived.add(clock.id().toString());
            }
            var qualified = new PublicationRow(p.id(), p.tenantId(), p.caseId(), p.url(), p.firstPublishedAt(),
                    qualification, caller.userId(), now, p.createdBy(), p.createdAt());
            publications.qualify(qualified);
            var started = startClocks(caller, scope, qualified, latestPosting(qualified), Origin.PUBLICATION);
            audit.record(caller, AuditEntry.ofCase(p.caseId(), "legal_publication.qualified", "legal_publication", p.id(),
                    Changes.of().changed("qualification", p.qualification(), qualification)
                            .set("clocksStarted", started.stream().map(c -> c.ruleId() + ":" + c.lastDay()).toList())
                            .set("clocksWaived", waived)));
            return qualified;
        });
    }

    PublicationView republish(Caller caller, UUID publicationId, PublicationViews.NewRepublication request) {
        return act(caller, publicationId, (scope, p) -> {
            var now = ClockService.now();
            if (request.republishedAt().isAfter(now)) {
                throw ApiException.badRequest("republishedAt: a republication cannot be in the future.");
            }
            if (request.republishedAt().isBefore(p.firstPublishedAt())) {
                throw ApiException.badRequest("republishedAt: a republication comes after the first publication.");
            }
            var r = new RepublicationRow(UUID.randomUUID(), p.id(), request.republishedAt(),
                    request.note() == null ? "" : request.note().strip(), caller.userId(), now);
            publications.republish(p, r);
            // not yet qualified: the clocks will start from this posting once it is
            var started = p.qualification() == null ? List.<ClockRow>of()
                    : startClocks(caller, scope, p, r.republishedAt(), Origin.REPUBLICATION);
            audit.record(caller, AuditEntry.ofCase(p.caseId(), "legal_publication.republished", "legal_publication", p.id(),
                    Changes.of().set("republishedAt", r.republishedAt()).set("note", r.note())
                            .set("clocksStarted", started.stream().map(c -> c.ruleId() + ":" + c.lastDay()).toList())));
            return p;
        });
    }

    private List<ClockRow> startClocks(Caller caller, CaseScope scope, PublicationRow p, Instant trigger, Origin origin) {
        var responsible = clockRows.caseFacts(p.tenantId(), p.caseId()).lawyers().contains(caller.userId()) ? caller.userId() : null;
        return p.qualification().rules().stream()
                .map(id -> clocks.startClock(caller, scope, rules.current(id).orElseThrow().rule(), trigger, responsible,
                        origin, p.id(), null))
                .toList();
    }

    private Instant latestPosting(PublicationRow p) {
        return publications.republications(p.tenantId(), p.id()).stream().map(RepublicationRow::republishedAt)
                .max(Comparator.naturalOrder()).filter(r -> r.isAfter(p.firstPublishedAt())).orElse(p.firstPublishedAt());
    }

    @FunctionalInterface
    private interface Work {
        PublicationRow apply(CaseScope scope, PublicationRow locked);
    }

    private PublicationView act(Caller caller, UUID publicationId, Work work) {
        UUID caseId = access.readAcross(caller, () -> publications.caseOf(publicationId))
                .orElseThrow(() -> ApiException.notFound("Publication"));
        return access.write(caller, caseId, scope -> {
            ClockService.requireLawyer(caller, scope);
            var p = publications.lock(scope.tenantId(), publicationId).orElseThrow(() -> ApiException.notFound("Publication"));
            return view(work.apply(scope, p));
        });
    }

    private PublicationView view(PublicationRow p) {
        var reps = publications.republications(p.tenantId(), p.id()).stream()
                .map(r -> new RepublicationView(r.id(), r.republishedAt(), r.note(), r.recordedAt())).toList();
        var own = clocks.views(clockRows.ofCase(p.tenantId(), p.caseId()).stream().filter(c -> p.id().equals(c.publicationId())).toList());
        return new PublicationView(p.id(), p.caseId(), p.url(), p.firstPublishedAt(), p.qualification(), p.qualifiedAt(),
                p.qualifiedBy() == null ? null : clockRows.nameOf(p.qualifiedBy()).orElse(null), reps, own);
    }
}
