package io.taskforce.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * Where a person's invitation e-mail stands: PENDING (waiting to be sent, or being retried: {@code lastError} says
 * why the last attempt failed), SENT (Keycloak accepted to send it, at {@code sentAt}) or FAILED (given up at
 * {@code failedAt} after {@code attempts} attempts, for the reason {@code lastError}: resend it).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record InvitationView(@Schema(allowableValues = {"PENDING", "SENT", "FAILED"}) String status, Instant requestedAt,
                      @Nullable Instant sentAt, @Nullable Instant failedAt, int attempts, @Nullable String lastError) {

    static InvitationView of(KeycloakAction action) {
        String status = switch (action.status()) {
            case KeycloakAction.DONE -> "SENT";
            case KeycloakAction.FAILED -> "FAILED";
            default -> "PENDING";
        };
        return new InvitationView(status, action.createdAt(), "SENT".equals(status) ? action.doneAt() : null,
                "FAILED".equals(status) ? action.doneAt() : null, action.attempts(), action.lastError());
    }
}
