package io.taskforce.reputation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the reputation routes answer. Nullable fields are always written, so clients can rely on their presence. */
final class ReputationViews {

    private ReputationViews() {
    }

    /** A result of a snapshot; previousPosition is where the URL stood in the query's previous snapshot (null: new). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResultView(int position, String url, String domain, String title, @Nullable Ownership ownership,
                      @Nullable Tone tone, @Nullable Integer previousPosition) {
    }

    @Serdeable
    record MeasuresView(int negativesTop10, int negativesTop20, double ownedShareTop10, boolean inCrisis,
                        double negativeVisibility) {

        static MeasuresView of(SerpMetrics.Measures m) {
            return new MeasuresView(m.negativesTop10(), m.negativesTop20(), m.ownedShareTop10(), m.inCrisis(),
                    m.negativeVisibility());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SnapshotView(UUID id, LocalDate date, String source, @Nullable LocalDate previousDate, MeasuresView metrics,
                        List<ResultView> results) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QueryView(UUID id, String query, String engine, String locale, @Nullable LocalDate targetDate,
                     int snapshotCount, @Nullable LocalDate pageOneCleanSince, @Nullable SnapshotView latest) {
    }

    /** The answer of a CSV import (the contract: the number of snapshots and results saved). */
    @Serdeable
    record ImportView(int snapshots, int results) {
    }

    @Serdeable
    record ClassificationView(String url, Ownership ownership, Tone tone, int resultsUpdated) {
    }

    /**
     * GET serp-metrics, field names fixed by the issue; shares from 0 to 1. {@code caseTrend} (beyond the contract)
     * sums the queries' negatives per date and averages their shares.
     */
    @Serdeable
    record MetricsView(List<QueryMetrics> queries, List<SnapshotMetrics> caseTrend) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QueryMetrics(String query, UUID queryId, String engine, String locale, @Nullable LocalDate targetDate,
                        @Nullable LocalDate pageOneCleanSince, List<SnapshotMetrics> snapshots) {
    }

    @Serdeable
    record SnapshotMetrics(LocalDate date, int negativesTop10, int negativesTop20, double ownedShareTop10,
                           boolean inCrisis, double negativeVisibility) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UrlView(String url, @Nullable Integer positionThen, @Nullable Integer positionNow, boolean leftTop10,
                   boolean leftTop20) {

        static UrlView of(UrlMovement.Movement m) {
            return new UrlView(m.url(), m.positionThen(), m.positionNow(), m.leftTop10(), m.leftTop20());
        }
    }

    /** A cleanup action as the team sees it, internal note included; answerDueOn only for a submitted de-listing. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ActionView(UUID id, CleanupKind kind, String title, CleanupStatus status, List<UrlView> urls, String note,
                      @Nullable LocalDate submittedOn, @Nullable LocalDate answerDueOn, Set<CleanupStatus> nextStatuses,
                      Instant createdAt, Instant updatedAt) {
    }

    /** What the client sees of an action: kind, state and effect, never the team's note. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ClientActionView(UUID id, CleanupKind kind, String title, CleanupStatus status,
                            @Nullable LocalDate submittedOn, @Nullable LocalDate answerDueOn, List<UrlView> urls) {
    }
}
