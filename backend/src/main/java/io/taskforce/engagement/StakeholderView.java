package io.taskforce.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** A stakeholder of a case, its place on the grid, and whether (when, by whom) it was informed. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StakeholderView(UUID id, UUID caseId, StakeholderGroup group, String name, String expectations, int power,
                              int interest, Quadrant quadrant, String channel, @Nullable UUID ownerId,
                              @Nullable String ownerName, boolean informed, @Nullable Instant informedAt,
                              @Nullable UUID informedBy, @Nullable String informedByName, boolean proposed,
                              Instant createdAt, Instant updatedAt) {
}
