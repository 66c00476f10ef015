package io.taskforce.platform.jobs;

import java.time.Duration;

/**
 * When to try a failed delivery again: exponential backoff from a base delay, capped, and a number of attempts
 * after which it is given up (an e-mail is marked failed; a webhook is disabled).
 */
public record Retry(Duration base, Duration cap, int maxAttempts) {

    public Retry {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry needs 0 < base <= cap and at least one attempt");
        }
    }

    /** The wait after the given number of failed attempts (1 = the first failure): base, 2 base, 4 base, ... cap. */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    public boolean givesUpAfter(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
