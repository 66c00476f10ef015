package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What callers send to the case routes; unknown fields are ignored. */
final class CaseRequests {

    private CaseRequests() {
    }

    /** An incident report. {@code tenantId} is for staff only: a client reports for their own tenant. */
    @Serdeable
    record NewCase(@Nullable UUID tenantId, @NotBlank @Size(max = 200) String title,
                   @NotBlank @Size(max = 10000) String summary, @Nullable Instant occurredAt,
                   @Nullable @Size(max = 50) List<@NotBlank @Size(max = 2000) String> urls, boolean personalData,
                   @Nullable Boolean hostilePublications, @Nullable Instant firstPublishedAt,
                   @Nullable SuspectedAuthor suspectedAuthor) {
    }

    @Serdeable
    record StatusChange(@NotNull CaseStatus status, @Nullable @Size(max = 2000) String reason) {
    }

    @Serdeable
    record WorkstreamChange(@NotNull WorkstreamStatus status) {
    }

    @Serdeable
    record TeamChange(@NotNull UUID userId, @NotNull Workstream workstream, boolean lead) {
    }

    @Serdeable
    record NewTask(@NotBlank @Size(max = 300) String title, @NotNull Workstream workstream, @Nullable UUID assigneeId,
                   @Nullable Instant dueAt) {
    }

    /** Only the fields sent change. */
    @Serdeable
    record TaskChanges(@Nullable TaskStatus status, @Nullable @Size(min = 1, max = 300) String title,
                       @Nullable UUID assigneeId, @Nullable Instant dueAt) {
    }

    @Serdeable
    record NewHandoff(@NotNull Workstream fromWorkstream, @NotNull Workstream toWorkstream,
                      @NotBlank @Size(max = 4000) String note) {
    }

    @Serdeable
    record HandoffAnswer(@NotNull HandoffStatus decision, @NotBlank @Size(max = 4000) String reply) {
    }
}
