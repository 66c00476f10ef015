package io.taskforce.reputation;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.cases.CaseScope;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.taskforce.legal.RuleBook;
import io.taskforce.platform.pdf.PdfRenderer;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.reputation.ReputationRecords.ActionRow;
import io.taskforce.reputation.ReputationViews.ActionView;
import io.taskforce.reputation.ReputationViews.ClientActionView;
import io.taskforce.reputation.ReputationViews.UrlView;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Cleanup actions of a case: reputation specialists on the team plan and move them (lawyers on the team may file
 * legal referrals, DESIGN §2); the team sees them with their internal note, the client without it. Beside each
 * action, whether its URLs left the top 10 / top 20 since it began.
 */
@Singleton
class CleanupService {

    /** Dates of the agency's work are Paris dates: a request sent at 00:30 in Paris was sent that day. */
    private static final ZoneId AGENCY_ZONE = ZoneId.of("Europe/Paris");

    static final String DELISTING_RULE = "delisting-answer-1m";

    private final CaseAccess access;
    private final SerpStore store;
    private final AuditTrail audit;
    private final PdfRenderer pdf;
    private final RuleBook rules;

    CleanupService(CaseAccess access, SerpStore store, AuditTrail audit, PdfRenderer pdf, RuleBook rules) {
        this.access = access;
        this.store = store;
        this.audit = audit;
        this.pdf = pdf;
        this.rules = rules;
    }

    List<ActionView> list(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            var history = SerpHistory.load(store, scope.tenantId(), caseId);
            return store.actions(scope.tenantId(), caseId).stream().map(a -> view(a, history)).toList();
        });
    }

    /** The client's view of the actions, also open to the team (what the portal shows). */
    List<ClientActionView> progress(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            if (scope.viewer() == CaseScope.Viewer.INTAKE) {
                throw ApiException.notFound("Case");
            }
            var history = SerpHistory.load(store, scope.tenantId(), caseId);
            return store.actions(scope.tenantId(), caseId).stream().map(a -> new ClientActionView(a.id(), a.kind(),
                    a.title(), a.status(), a.submittedOn(), due(a), urls(a, history))).toList();
        });
    }

    /**
     * The client's progress report for a period: read in the case transaction, rendered after it (rendering a PDF
     * holds no connection).
     */
    byte[] report(Caller caller, UUID caseId, @Nullable LocalDate from, @Nullable LocalDate to, String lang) {
        var xhtml = access.read(caller, caseId, scope -> {
            if (scope.viewer() == CaseScope.Viewer.INTAKE) {
                throw ApiException.notFound("Case");
            }
            var history = SerpHistory.load(store, scope.tenantId(), caseId);
            var queries = history.queries().stream().map(history::metrics).map(q -> new ReputationViews.QueryMetrics(
                    q.query(), q.queryId(), q.engine(), q.locale(), q.targetDate(), q.pageOneCleanSince(),
                    q.snapshots().stream().filter(s -> (from == null || !s.date().isBefore(from))
                            && (to == null || !s.date().isAfter(to))).toList())).toList();
            var actions = store.actions(scope.tenantId(), caseId).stream().map(a -> new ClientActionView(a.id(),
                    a.kind(), a.title(), a.status(), a.submittedOn(), due(a), urls(a, history))).toList();
            return SerpReport.xhtml(lang, store.caseTitle(scope.tenantId(), caseId), from, to, queries, actions);
        });
        return pdf.render(xhtml);
    }

    ActionView create(Caller caller, UUID caseId, ReputationRequests.NewAction request) {
        return access.write(caller, caseId, scope -> {
            requireWriter(caller, scope, request.kind());
            var urls = request.urls().stream().map(String::strip).distinct().toList();
            for (int i = 0; i < urls.size(); i++) {
                try {
                    SerpCsv.domain(urls.get(i), i);
                } catch (ImportRefused e) {
                    throw ApiException.badRequest("urls[" + i + "]: " + e.getMessage());
                }
            }
            var now = ReputationService.now();
            var a = new ActionRow(UUID.randomUUID(), scope.tenantId(), caseId, request.kind(), request.title().strip(),
                    CleanupStatus.PLANNED, urls, request.note() == null ? "" : request.note().strip(), null,
                    caller.userId(), now, now);
            store.insertAction(a);
            audit.record(caller, AuditEntry.ofCase(caseId, "cleanup.created", "cleanup_action", a.id(), Changes.of()
                    .set("kind", a.kind()).set("title", a.title()).set("status", a.status()).set("urls", a.urls())));
            return view(a, SerpHistory.load(store, scope.tenantId(), caseId));
        });
    }

    ActionView move(Caller caller, UUID caseId, UUID actionId, ReputationRequests.ActionMove request) {
        return access.write(caller, caseId, scope -> {
            scope.requireTeam();
            var a = store.lockAction(scope.tenantId(), caseId, actionId)
                    .orElseThrow(() -> ApiException.notFound("Cleanup action"));
            requireWriter(caller, scope, a.kind());
            if (!CleanupLifecycle.allowed(a.status(), request.status())) {
                throw ApiException.conflict("A " + a.status() + " action cannot become " + request.status()
                        + "; next: " + CleanupLifecycle.next(a.status()) + ".");
            }
            var submittedOn = request.status() == CleanupStatus.SUBMITTED
                    ? (request.submittedOn() != null ? request.submittedOn() : LocalDate.now(AGENCY_ZONE))
                    : a.submittedOn();
            var note = request.note() == null ? a.note() : request.note().strip();
            var moved = new ActionRow(a.id(), a.tenantId(), a.caseId(), a.kind(), a.title(), request.status(), a.urls(),
                    note, submittedOn, a.createdBy(), a.createdAt(), ReputationService.now());
            store.updateAction(moved);
            audit.record(caller, AuditEntry.ofCase(caseId, "cleanup.moved", "cleanup_action", a.id(), Changes.of()
                    .changed("status", a.status(), moved.status()).changed("submittedOn", a.submittedOn(), submittedOn)
                    .changed("note", a.note(), note)));
            return view(moved, SerpHistory.load(store, scope.tenantId(), caseId));
        });
    }

    private ActionView view(ActionRow a, SerpHistory history) {
        return new ActionView(a.id(), a.kind(), a.title(), a.status(), urls(a, history), a.note(), a.submittedOn(),
                due(a), CleanupLifecycle.next(a.status()), a.createdAt(), a.updatedAt());
    }

    /** Movement since the action was sent, or since it was planned while it is not sent yet. */
    private static List<UrlView> urls(ActionRow a, SerpHistory history) {
        var since = a.submittedOn() != null ? a.submittedOn() : LocalDate.ofInstant(a.createdAt(), AGENCY_ZONE);
        return a.urls().stream().map(u -> UrlView.of(history.movement(u, since))).toList();
    }

    /**
     * A de-listing request's answer is due by the legal rule {@code delisting-answer-1m} (GDPR art. 12(3): one calendar
     * month, the lawyers' clock shows the same date); other actions have no legal clock here.
     */
    private LocalDate due(ActionRow a) {
        return a.kind() == CleanupKind.DELISTING && a.submittedOn() != null ? rules.lastDay(DELISTING_RULE, a.submittedOn()) : null;
    }

    /**
     * Reputation specialists write every kind of action; a lawyer on the team may write legal referrals only; anyone
     * else on the team gets 403.
     */
    private static void requireWriter(Caller caller, CaseScope scope, CleanupKind kind) {
        scope.requireTeam();
        boolean specialist = caller.user().hasRole(Role.REPUTATION_SPECIALIST);
        boolean lawyerReferral = caller.user().hasRole(Role.LAWYER) && kind == CleanupKind.LEGAL_REFERRAL;
        if (!specialist && !lawyerReferral) {
            throw ApiException.forbidden("Only the case's reputation specialists plan cleanup actions (lawyers: legal referrals).");
        }
    }
}
