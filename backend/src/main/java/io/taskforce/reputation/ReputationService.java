package io.taskforce.reputation;

import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.cases.CaseScope;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.reputation.ReputationRecords.Classification;
import io.taskforce.reputation.ReputationRecords.QueryRow;
import io.taskforce.reputation.ReputationRecords.ResultRow;
import io.taskforce.reputation.ReputationRecords.SnapshotRow;
import io.taskforce.reputation.ReputationViews.ClassificationView;
import io.taskforce.reputation.ReputationViews.ImportView;
import io.taskforce.reputation.ReputationViews.MetricsView;
import io.taskforce.reputation.ReputationViews.QueryView;
import io.taskforce.reputation.ReputationViews.SnapshotView;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * Tracked queries, their snapshots, the classification of URLs and the metrics of a case. Each change runs in the
 * case's tenant transaction through {@link CaseAccess} and writes one audit event there; an import is one event
 * naming its counts, and a refused import saves nothing (the transaction rolls back).
 */
@Singleton
class ReputationService {

    private final CaseAccess access;
    private final SerpStore store;
    private final AuditTrail audit;

    ReputationService(CaseAccess access, SerpStore store, AuditTrail audit) {
        this.access = access;
        this.store = store;
        this.audit = audit;
    }

    List<QueryView> queries(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            var history = SerpHistory.load(store, scope.tenantId(), caseId);
            return history.queries().stream().map(history::board).toList();
        });
    }

    QueryView createQuery(Caller caller, UUID caseId, ReputationRequests.NewQuery request) {
        return access.write(caller, caseId, scope -> {
            requireSpecialist(caller, scope);
            var locale = request.locale() == null ? SerpCsv.DEFAULT_LOCALE : request.locale();
            var q = new QueryRow(UUID.randomUUID(), scope.tenantId(), caseId, request.query().strip(),
                    request.engine() == null ? SerpCsv.DEFAULT_ENGINE : request.engine(), locale.substring(3),
                    locale.substring(0, 2), request.targetDate(), now());
            if (store.queries(scope.tenantId(), caseId).stream().anyMatch(o -> o.key().equals(q.key()))) {
                throw ApiException.conflict("The case already tracks \"" + q.query() + "\" on " + q.engine() + " (" + locale + ").");
            }
            store.insertQuery(q, caller.userId());
            audit.record(caller, AuditEntry.ofCase(caseId, "serp.query_created", "serp_query", q.id(), Changes.of()
                    .set("query", q.query()).set("engine", q.engine()).set("locale", q.locale())
                    .set("targetDate", q.targetDate())));
            return SerpHistory.load(store, scope.tenantId(), caseId).board(q);
        });
    }

    QueryView setTarget(Caller caller, UUID caseId, UUID queryId, ReputationRequests.Target request) {
        return access.write(caller, caseId, scope -> {
            requireSpecialist(caller, scope);
            var q = store.query(scope.tenantId(), caseId, queryId)
                    .orElseThrow(() -> ApiException.notFound("Tracked query"));
            store.setTarget(scope.tenantId(), queryId, request.targetDate());
            audit.record(caller, AuditEntry.ofCase(caseId, "serp.query_target_set", "serp_query", queryId, Changes.of()
                    .changed("targetDate", q.targetDate(), request.targetDate())));
            var changed = store.query(scope.tenantId(), caseId, queryId).orElseThrow();
            return SerpHistory.load(store, scope.tenantId(), caseId).board(changed);
        });
    }

    /** A snapshot typed in by hand; results the specialist left unclassified take what the case remembers. */
    SnapshotView addSnapshot(Caller caller, UUID caseId, ReputationRequests.NewSnapshot request) {
        return access.write(caller, caseId, scope -> {
            requireSpecialist(caller, scope);
            var q = store.query(scope.tenantId(), caseId, request.queryId())
                    .orElseThrow(() -> ApiException.notFound("Tracked query"));
            if (store.snapshotExists(scope.tenantId(), q.id(), request.date())) {
                throw ApiException.conflict("\"" + q.query() + "\" already has a snapshot on " + request.date() + ".");
            }
            var positions = new HashSet<Integer>();
            var snapshot = new SnapshotRow(UUID.randomUUID(), q.id(), request.date(), "MANUAL");
            var remembered = store.classifications(scope.tenantId(), caseId);
            var rows = new ArrayList<ResultRow>();
            var learned = new HashMap<String, Classification>();
            for (int i = 0; i < request.results().size(); i++) {
                var r = request.results().get(i);
                if (!positions.add(r.position())) {
                    throw ApiException.badRequest("results[" + i + "].position: position " + r.position() + " is given twice.");
                }
                String domain;
                try {
                    domain = SerpCsv.domain(r.url().strip(), i);
                } catch (ImportRefused e) {
                    throw ApiException.badRequest("results[" + i + "].url: " + e.getMessage());
                }
                rows.add(classified(snapshot.id(), r.position(), r.url().strip(), domain,
                        r.title() == null ? "" : r.title().strip(), r.ownership(), r.tone(), remembered, learned));
            }
            var at = now();
            store.insertSnapshot(scope.tenantId(), caseId, snapshot, caller.userId(), at);
            store.insertResults(scope.tenantId(), caseId, rows);
            store.remember(scope.tenantId(), caseId, learned, caller.userId(), at);
            audit.record(caller, AuditEntry.ofCase(caseId, "serp.snapshot_added", "serp_snapshot", snapshot.id(), Changes.of()
                    .set("queryId", q.id()).set("date", request.date()).set("results", rows.size())));
            var history = SerpHistory.load(store, scope.tenantId(), caseId);
            var all = history.snapshotsOf(q.id());
            int index = all.indexOf(snapshot);
            return history.snapshot(snapshot, index > 0 ? all.get(index - 1) : null);
        });
    }

    ClassificationView classify(Caller caller, UUID caseId, ReputationRequests.Classify request) {
        return access.write(caller, caseId, scope -> {
            requireSpecialist(caller, scope);
            var url = request.url().strip();
            var before = store.classification(scope.tenantId(), caseId, url).orElse(new Classification(null, null));
            var c = new Classification(request.ownership(), request.tone());
            store.remember(scope.tenantId(), caseId, java.util.Map.of(url, c), caller.userId(), now());
            int updated = store.classifyResults(scope.tenantId(), caseId, url, c);
            audit.record(caller, AuditEntry.ofCase(caseId, "serp.url_classified", "serp_url", url, Changes.of()
                    .changed("ownership", before.ownership(), c.ownership()).changed("tone", before.tone(), c.tone())
                    .set("resultsUpdated", updated)));
            return new ClassificationView(url, c.ownership(), c.tone(), updated);
        });
    }

    /**
     * Imports a position-tracking tool's CSV export: checked whole before anything is written (see {@link SerpCsv}),
     * unknown queries are created, results arrive classified as the case remembers their URL.
     */
    ImportView importCsv(Caller caller, UUID caseId, String csv) {
        return access.write(caller, caseId, scope -> {
            requireSpecialist(caller, scope);
            var parsed = SerpCsv.parse(csv);
            var queries = new HashMap<SerpCsv.QueryKey, QueryRow>();
            store.queries(scope.tenantId(), caseId).forEach(q -> queries.put(q.key(), q));
            var taken = new HashSet<String>();
            store.snapshots(scope.tenantId(), caseId).forEach(s -> taken.add(s.queryId() + "|" + s.takenOn()));
            var at = now();
            var remembered = store.classifications(scope.tenantId(), caseId);
            var learned = new HashMap<String, Classification>();
            var snapshots = new ArrayList<SnapshotRow>();
            var results = new ArrayList<ResultRow>();
            int created = 0;
            for (var s : parsed) {
                var q = queries.get(s.query());
                if (q == null) {
                    var k = s.query();
                    q = new QueryRow(UUID.randomUUID(), scope.tenantId(), caseId, k.query(), k.engine(), k.country(),
                            k.language(), null, at);
                    store.insertQuery(q, caller.userId());
                    queries.put(k, q);
                    created++;
                }
                if (!taken.add(q.id() + "|" + s.date())) {
                    throw new ImportRefused(s.firstLine(), "\"" + q.query() + "\" already has a snapshot on " + s.date()
                            + "; nothing of the file was imported.");
                }
                var snapshot = new SnapshotRow(UUID.randomUUID(), q.id(), s.date(), "IMPORT");
                snapshots.add(snapshot);
                for (var r : s.rows()) {
                    results.add(classified(snapshot.id(), r.position(), r.url(), r.domain(), r.title(), r.ownership(),
                            r.tone(), remembered, learned));
                }
            }
            store.insertSnapshots(scope.tenantId(), caseId, snapshots, caller.userId(), at);
            store.insertResults(scope.tenantId(), caseId, results);
            store.remember(scope.tenantId(), caseId, learned, caller.userId(), at);
            audit.record(caller, AuditEntry.ofCase(caseId, "serp.imported", "serp_import", UUID.randomUUID(), Changes.of()
                    .set("snapshots", snapshots.size()).set("results", results.size()).set("queriesCreated", created)
                    .set("classificationsLearned", learned.size())));
            return new ImportView(snapshots.size(), results.size());
        });
    }

    /** The team and the client of the case see the metrics; staff at intake do not. */
    MetricsView metrics(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            if (scope.viewer() == CaseScope.Viewer.INTAKE) {
                throw ApiException.notFound("Case");
            }
            var history = SerpHistory.load(store, scope.tenantId(), caseId);
            return new MetricsView(history.queries().stream().map(history::metrics).toList(), history.caseTrend());
        });
    }

    /**
     * A result with what the row says, else what the case remembers of its URL; what a row says is learned, so the
     * next snapshot of that URL arrives classified.
     */
    private static ResultRow classified(UUID snapshotId, int position, String url, String domain, String title,
                                        Ownership ownership, Tone tone, java.util.Map<String, Classification> remembered,
                                        java.util.Map<String, Classification> learned) {
        var known = learned.getOrDefault(url, remembered.getOrDefault(url, new Classification(null, null)));
        var o = ownership != null ? ownership : known.ownership();
        var t = tone != null ? tone : known.tone();
        if (ownership != null || tone != null) {
            learned.put(url, new Classification(o, t));
        }
        return new ResultRow(snapshotId, position, url, domain, title, o, t);
    }

    /** Only reputation specialists on the team write search results (DESIGN §2); others on the team get 403. */
    static void requireSpecialist(Caller caller, CaseScope scope) {
        scope.requireTeam();
        if (!caller.user().hasRole(Role.REPUTATION_SPECIALIST)) {
            throw ApiException.forbidden("Only the case's reputation specialists record search results.");
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
