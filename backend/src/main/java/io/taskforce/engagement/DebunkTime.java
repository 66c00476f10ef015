package io.taskforce.engagement;

import java.time.Duration;
import java.time.Instant;

/**
 * Time-to-debunk: from the moment a rumour was first seen to the moment the team debunked it. Only a debunked
 * rumour has one (a confirmed rumour was not debunked; a watched one is not yet). A debunk recorded before the first
 * sighting (a sighting dated late, after the fact) counts as immediate rather than negative.
 */
final class DebunkTime {

    private DebunkTime() {
    }

    static Duration of(RumourStatus status, Instant firstSeenAt, Instant resolvedAt) {
        if (status != RumourStatus.DEBUNKED || resolvedAt == null) {
            return null;
        }
        var d = Duration.between(firstSeenAt, resolvedAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Whole minutes, what the views and the report show. */
    static Long minutes(RumourStatus status, Instant firstSeenAt, Instant resolvedAt) {
        var d = of(status, firstSeenAt, resolvedAt);
        return d == null ? null : d.toMinutes();
    }
}
