package io.taskforce.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A NEW case in the intake queue, open to all staff: the triage fields only. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record IntakeItem(UUID id, UUID tenantId, String tenantName, String title, String summary, @Nullable Instant occurredAt,
                  Instant reportedAt, List<String> urls, boolean personalData, boolean hostilePublications,
                  @Nullable Instant firstPublishedAt, @Nullable SuspectedAuthor suspectedAuthor,
                  @Nullable String entryFirm) {
}
