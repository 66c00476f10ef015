package io.taskforce.reputation;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which moves a cleanup action may make: PLANNED → SUBMITTED → ACCEPTED | REJECTED → DONE. A rejected request is
 * closed as DONE too (the agency then plans another action); nothing moves back, and DONE is final.
 */
final class CleanupLifecycle {

    private static final Map<CleanupStatus, Set<CleanupStatus>> NEXT = Map.of(
            CleanupStatus.PLANNED, EnumSet.of(CleanupStatus.SUBMITTED),
            CleanupStatus.SUBMITTED, EnumSet.of(CleanupStatus.ACCEPTED, CleanupStatus.REJECTED),
            CleanupStatus.ACCEPTED, EnumSet.of(CleanupStatus.DONE),
            CleanupStatus.REJECTED, EnumSet.of(CleanupStatus.DONE),
            CleanupStatus.DONE, EnumSet.noneOf(CleanupStatus.class));

    private CleanupLifecycle() {
    }

    static boolean allowed(CleanupStatus from, CleanupStatus to) {
        return NEXT.get(from).contains(to);
    }

    static Set<CleanupStatus> next(CleanupStatus from) {
        return NEXT.get(from);
    }
}
