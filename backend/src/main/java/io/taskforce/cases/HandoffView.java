package io.taskforce.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record HandoffView(UUID id, UUID caseId, Workstream fromWorkstream, Workstream toWorkstream, String note,
                   HandoffStatus status, @Nullable String reply, String createdByName, Instant createdAt,
                   @Nullable String answeredByName, @Nullable Instant answeredAt) {
}
