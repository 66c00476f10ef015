package io.taskforce.reputation;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Whether a URL targeted by a cleanup action left the top 10 / top 20 since the action began. Its position "then" is
 * its best position over the queries' last snapshots on or before that date (a query first seen later counts from its
 * first snapshot); "now" is its best position over each query's latest snapshot. Pure.
 */
final class UrlMovement {

    private UrlMovement() {
    }

    /** One snapshot of a query: its date and the position of each URL in it. */
    record Seen(LocalDate date, Map<String, Integer> positions) {
    }

    record Movement(String url, @Nullable Integer positionThen, @Nullable Integer positionNow, boolean leftTop10,
                    boolean leftTop20) {
    }

    /** @param queries each query's snapshots in date order */
    static Movement of(String url, LocalDate since, List<List<Seen>> queries) {
        Integer then = null;
        Integer now = null;
        for (var snapshots : queries) {
            if (snapshots.isEmpty()) {
                continue;
            }
            Seen before = snapshots.get(0);
            for (var s : snapshots) {
                if (!s.date().isAfter(since)) {
                    before = s;
                }
            }
            then = best(then, before.positions().get(url));
            now = best(now, snapshots.get(snapshots.size() - 1).positions().get(url));
        }
        return new Movement(url, then, now, left(then, now, 10), left(then, now, 20));
    }

    private static boolean left(@Nullable Integer then, @Nullable Integer now, int top) {
        return then != null && then <= top && (now == null || now > top);
    }

    private static @Nullable Integer best(@Nullable Integer a, @Nullable Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
    }
}
