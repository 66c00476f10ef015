package io.taskforce.engagement;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.taskforce.cases.Workstream;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What clients of the API send to the running-log routes. */
final class LogRequests {

    private LogRequests() {
    }

    /**
     * A fact or a decision; {@code occurredAt} defaults to now, {@code public} to false; {@code messageId} links a
     * message published on the same case.
     */
    @Serdeable
    record NewEntry(@NotNull LogKind kind, @NotBlank @Size(max = 4000) String text, @Nullable Instant occurredAt,
                    @Nullable Workstream workstream, @Nullable @Size(max = 10) List<@NotBlank @Size(max = 2000) String> links,
                    @Nullable UUID taskId, @JsonProperty("public") @Nullable Boolean isPublic,
                    @Nullable UUID messageId) {
    }
}
