package io.taskforce.cases;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** How many of a staff member's cases have one severity and status. */
@Introspected
record CaseCount(@Nullable Integer severity, String status, long count) {
}
