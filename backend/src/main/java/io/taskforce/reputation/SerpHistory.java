package io.taskforce.reputation;

import io.taskforce.reputation.ReputationRecords.QueryRow;
import io.taskforce.reputation.ReputationRecords.ResultRow;
import io.taskforce.reputation.ReputationRecords.SnapshotRow;
import io.taskforce.reputation.ReputationViews.MeasuresView;
import io.taskforce.reputation.ReputationViews.QueryMetrics;
import io.taskforce.reputation.ReputationViews.QueryView;
import io.taskforce.reputation.ReputationViews.ResultView;
import io.taskforce.reputation.ReputationViews.SnapshotMetrics;
import io.taskforce.reputation.ReputationViews.SnapshotView;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Everything tracked for a case, read once, and what the views compute from it: boards, metrics, URL movements. */
record SerpHistory(List<QueryRow> queries, Map<UUID, List<SnapshotRow>> snapshotsByQuery,
                   Map<UUID, List<ResultRow>> resultsBySnapshot) {

    static SerpHistory load(SerpStore store, UUID tenantId, UUID caseId) {
        var snapshots = store.snapshots(tenantId, caseId).stream()
                .collect(Collectors.groupingBy(SnapshotRow::queryId, Collectors.toList()));
        return new SerpHistory(store.queries(tenantId, caseId), snapshots, store.results(tenantId, caseId));
    }

    List<SnapshotRow> snapshotsOf(UUID queryId) {
        return snapshotsByQuery.getOrDefault(queryId, List.of());
    }

    List<ResultRow> resultsOf(UUID snapshotId) {
        return resultsBySnapshot.getOrDefault(snapshotId, List.of());
    }

    SerpMetrics.Measures measures(UUID snapshotId) {
        return SerpMetrics.of(resultsOf(snapshotId).stream().map(ResultRow::forMetrics).toList());
    }

    List<SerpMetrics.Dated> trend(UUID queryId) {
        return snapshotsOf(queryId).stream().map(s -> new SerpMetrics.Dated(s.takenOn(), measures(s.id()))).toList();
    }

    QueryMetrics metrics(QueryRow q) {
        var trend = trend(q.id());
        return new QueryMetrics(q.query(), q.id(), q.engine(), q.locale(), q.targetDate(),
                SerpMetrics.pageOneCleanSince(trend), trend.stream().map(SerpHistory::view).toList());
    }

    List<SnapshotMetrics> caseTrend() {
        return SerpMetrics.caseTrend(queries.stream().flatMap(q -> trend(q.id()).stream()).toList()).stream()
                .map(SerpHistory::view).toList();
    }

    static SnapshotMetrics view(SerpMetrics.Dated d) {
        var m = d.measures();
        return new SnapshotMetrics(d.date(), m.negativesTop10(), m.negativesTop20(), m.ownedShareTop10(), m.inCrisis(),
                m.negativeVisibility());
    }

    /** A query with its latest snapshot, each result beside its position in the previous one. */
    QueryView board(QueryRow q) {
        var snapshots = snapshotsOf(q.id());
        SnapshotView latest = null;
        if (!snapshots.isEmpty()) {
            var last = snapshots.get(snapshots.size() - 1);
            var previous = snapshots.size() > 1 ? snapshots.get(snapshots.size() - 2) : null;
            latest = snapshot(last, previous);
        }
        return new QueryView(q.id(), q.query(), q.engine(), q.locale(), q.targetDate(), snapshots.size(),
                SerpMetrics.pageOneCleanSince(trend(q.id())), latest);
    }

    SnapshotView snapshot(SnapshotRow s, SnapshotRow previous) {
        Map<String, Integer> before = previous == null ? Map.of() : positions(previous.id());
        var results = resultsOf(s.id()).stream().map(r -> new ResultView(r.position(), r.url(), r.domain(), r.title(),
                r.ownership(), r.tone(), before.get(r.url()))).toList();
        return new SnapshotView(s.id(), s.takenOn(), s.source(), previous == null ? null : previous.takenOn(),
                MeasuresView.of(measures(s.id())), results);
    }

    /** Where each URL of a snapshot stands (its best position when a URL appears twice). */
    Map<String, Integer> positions(UUID snapshotId) {
        var map = new HashMap<String, Integer>();
        resultsOf(snapshotId).forEach(r -> map.merge(r.url(), r.position(), Math::min));
        return map;
    }

    UrlMovement.Movement movement(String url, LocalDate since) {
        return UrlMovement.of(url, since, queries.stream().map(q -> snapshotsOf(q.id()).stream()
                .map(s -> new UrlMovement.Seen(s.takenOn(), positions(s.id()))).toList()).toList());
    }

    Map<UUID, QueryRow> queriesById() {
        return queries.stream().collect(Collectors.toMap(QueryRow::id, Function.identity()));
    }
}
