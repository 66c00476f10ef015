package io.taskforce.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A line of a staff member's case list. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record CaseSummary(UUID id, UUID tenantId, String tenantName, String title, CaseStatus status, @Nullable Integer severity,
                   @Nullable Phase phase, @Nullable Kinetics kinetics, Instant reportedAt, List<Workstream> workstreams) {
}
