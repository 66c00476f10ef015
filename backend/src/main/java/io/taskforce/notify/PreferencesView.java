package io.taskforce.notify;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.List;

/** A person's notification preferences: in-app is always on; e-mail per event; the language of e-mails. */
@Serdeable
public record PreferencesView(
        @NotNull @Pattern(regexp = "fr|en", message = "must be fr or en")
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"fr", "en"}) String language,
        @NotNull List<@Valid @NotNull EmailChoice> email) {

    @Serdeable
    public record EmailChoice(
            @NotNull @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"case.reported", "case.status_changed", "task.assigned", "handoff.requested",
                    "message.review_requested", "message.review_escalated", "message.changes_requested", "message.approved",
                    "message.published", "message.withdrawn", "legal.clock_reminder",
                    "log.public_entry"})
            String event,
            boolean enabled) {
    }
}
