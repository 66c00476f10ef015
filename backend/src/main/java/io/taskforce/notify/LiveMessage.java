package io.taskforce.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/** A live signal: which view is stale (the topic) and, for a case, which one. Never the content itself. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LiveMessage(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"intake", "case", "tasks", "notifications", "ping"}) String topic,
        @Nullable UUID caseId) {
}
