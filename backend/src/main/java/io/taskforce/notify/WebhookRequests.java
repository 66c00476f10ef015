package io.taskforce.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Request bodies of the webhook routes. */
final class WebhookRequests {

    private WebhookRequests() {
    }

    /**
     * A new webhook: exactly one owner, a tenant ({@code tenantId}) or a firm ({@code firm}: COMMUNICATION, LEGAL,
     * REPUTATION); an https URL; the events it wants (codes such as {@code case.reported}).
     */
    @Serdeable
    record CreateWebhook(@Nullable UUID tenantId, @Nullable String firm, @NotBlank @Size(max = 2000) String url,
                         @NotEmpty @Size(max = 20) List<String> events) {
    }
}
