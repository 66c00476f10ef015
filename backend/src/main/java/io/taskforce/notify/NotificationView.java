package io.taskforce.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** One in-app notification; the client composes the sentence from the event and these fields, in its language. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotificationView(
        UUID id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"case.reported", "case.status_changed", "task.assigned", "handoff.requested",
                    "message.review_requested", "message.review_escalated", "message.changes_requested", "message.approved",
                    "message.published", "message.withdrawn", "legal.clock_reminder",
                    "log.public_entry"}) String event,
        @Nullable UUID caseId,
        @Nullable String caseTitle,
        @Nullable String tenantName,
        @Nullable String actorName,
        @Schema(description = "the new status, the task's title, the target workstream or the message's title, by event") @Nullable String detail,
        Instant createdAt,
        @Nullable Instant readAt) {

    @Serdeable
    public record UnreadCount(long count) {
    }
}
