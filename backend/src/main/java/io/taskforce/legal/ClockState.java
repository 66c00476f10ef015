package io.taskforce.legal;

import java.time.Instant;

/** Where a clock stands. A running clock whose end has passed reads as expired: nobody has to mark it. */
public enum ClockState {
    RUNNING, ACTED_UPON, EXPIRED, WAIVED;

    public static ClockState shown(ClockState stored, Instant endsAt, Instant now) {
        return stored == RUNNING && !now.isBefore(endsAt) ? EXPIRED : stored;
    }
}
