package io.taskforce.legal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Legal actions: the row, what the routes accept and what they answer. */
final class ActionRecords {

    private ActionRecords() {
    }

    record ActionRow(UUID id, UUID tenantId, UUID caseId, ActionKind kind, ActionStatus status, String title,
                     String recipient, List<String> urls, String reasons, String notifierIdentity, boolean goodFaith,
                     @Nullable UUID publicationId, @Nullable Instant sentAt, @Nullable Instant answeredAt,
                     UUID createdBy, Instant createdAt, Instant updatedAt) {

        ActionRow moved(ActionStatus next, Instant at, Instant now) {
            return new ActionRow(id, tenantId, caseId, kind, next, title, recipient, urls, reasons, notifierIdentity,
                    goodFaith, publicationId, next == ActionStatus.SENT ? at : sentAt,
                    next == ActionStatus.ANSWERED || next == ActionStatus.GRANTED || next == ActionStatus.REFUSED
                            ? (answeredAt == null ? at : answeredAt) : answeredAt,
                    createdBy, createdAt, now);
        }
    }

    @Serdeable
    record NewAction(@NotNull ActionKind kind, @NotBlank @Size(max = 300) String title,
                     @Nullable @Size(max = 300) String recipient, @Nullable @Size(max = 20) List<@NotBlank @Size(max = 2000) String> urls,
                     @Nullable @Size(max = 20000) String reasons, @Nullable @Size(max = 1000) String notifierIdentity,
                     @Nullable Boolean goodFaith, @Nullable UUID publicationId) {
    }

    /** A move of an action; {@code at} is when it happened (now when left out): a notice sent yesterday is recorded today. */
    @Serdeable
    record StatusChange(@NotNull ActionStatus status, @Nullable Instant at) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ActionView(UUID id, UUID caseId, ActionKind kind, ActionStatus status, String title, String recipient,
                      List<String> urls, String reasons, String notifierIdentity, boolean goodFaith,
                      @Nullable UUID publicationId, @Nullable Instant sentAt, @Nullable Instant answeredAt,
                      List<NoticeCheck.Missing> noticeMissing, List<UUID> clockIds, Instant createdAt, Instant updatedAt) {
    }
}
