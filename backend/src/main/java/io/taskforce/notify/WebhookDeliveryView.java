package io.taskforce.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One delivery of the log of a webhook, with each attempt: the receiver's status (or the error), how long, when. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record WebhookDeliveryView(UUID id, String event, Status status, int attempts, Instant createdAt,
                           @Nullable Instant sentAt, @Nullable Instant nextAttemptAt, List<Attempt> log) {

    enum Status { PENDING, SENT, FAILED }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Attempt(Instant at, @Nullable Integer statusCode, @Nullable String error, int durationMs) {
    }
}
