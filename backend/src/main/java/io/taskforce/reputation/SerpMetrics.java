package io.taskforce.reputation;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The agency's measures of one snapshot of a query (DESIGN §8), as plain arithmetic over its results.
 * <ul>
 *   <li>negatives in the top 10 and in the top 20;</li>
 *   <li>owned share of the top 10: owned results over the results present in the top 10 (0 when there are none);</li>
 *   <li>in crisis: third-party results in the top 10 outnumber owned ones (unclassified results count for neither,
 *       so a snapshot nobody classified yet is not called a crisis);</li>
 *   <li>negative visibility: the expected clicks ({@link ClickCurve}) landing on negative results, over the expected
 *       clicks of all the positions present.</li>
 * </ul>
 */
final class SerpMetrics {

    private SerpMetrics() {
    }

    /** One result as the metrics see it; ownership and tone are null until classified. */
    record Result(int position, @Nullable Ownership ownership, @Nullable Tone tone) {
    }

    record Measures(int negativesTop10, int negativesTop20, double ownedShareTop10, boolean inCrisis,
                    double negativeVisibility) {
    }

    /** One dated snapshot's measures, for trends. */
    record Dated(LocalDate date, Measures measures) {
    }

    static Measures of(Collection<Result> results) {
        int negatives10 = 0;
        int negatives20 = 0;
        int top10 = 0;
        int owned10 = 0;
        int third10 = 0;
        double weightAll = 0;
        double weightNegative = 0;
        for (var r : results) {
            boolean negative = r.tone() == Tone.NEGATIVE;
            double weight = ClickCurve.weight(r.position());
            weightAll += weight;
            if (negative) {
                negatives20++;
                weightNegative += weight;
            }
            if (r.position() <= 10) {
                top10++;
                if (negative) {
                    negatives10++;
                }
                if (r.ownership() == Ownership.OWNED) {
                    owned10++;
                } else if (r.ownership() == Ownership.THIRD_PARTY) {
                    third10++;
                }
            }
        }
        return new Measures(negatives10, negatives20, top10 == 0 ? 0 : round((double) owned10 / top10),
                third10 > owned10, weightAll == 0 ? 0 : round(weightNegative / weightAll));
    }

    /**
     * The date page one became free of negatives: the first snapshot of the latest unbroken run of snapshots with no
     * negative in the top 10, or null when the latest snapshot still shows one (or there is none). Snapshots in date
     * order.
     */
    static @Nullable LocalDate pageOneCleanSince(List<Dated> snapshots) {
        LocalDate since = null;
        for (var s : snapshots) {
            if (s.measures().negativesTop10() == 0) {
                if (since == null) {
                    since = s.date();
                }
            } else {
                since = null;
            }
        }
        return since;
    }

    /**
     * The case's trend: on each date some query was measured, the negatives of those snapshots added up, the owned
     * share and the negative visibility averaged over them (each query weighs the same), in crisis when any of them
     * is. Dates in order.
     */
    static List<Dated> caseTrend(List<Dated> snapshotsOfAllQueries) {
        var byDate = new java.util.TreeMap<LocalDate, List<Measures>>();
        snapshotsOfAllQueries.forEach(d -> byDate.computeIfAbsent(d.date(), k -> new java.util.ArrayList<>()).add(d.measures()));
        return byDate.entrySet().stream().map(e -> {
            var all = e.getValue();
            return new Dated(e.getKey(), new Measures(all.stream().mapToInt(Measures::negativesTop10).sum(),
                    all.stream().mapToInt(Measures::negativesTop20).sum(),
                    round(all.stream().mapToDouble(Measures::ownedShareTop10).average().orElse(0)),
                    all.stream().anyMatch(Measures::inCrisis),
                    round(all.stream().mapToDouble(Measures::negativeVisibility).average().orElse(0))));
        }).toList();
    }

    /** Four decimals are plenty for a share shown as a percentage, and keep the JSON readable. */
    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }
}
