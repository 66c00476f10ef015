package io.taskforce.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * Where a person's invitation e-mail stands: PENDING (waiting to be sent, or being retried: {@code lastError} says
 * why the last attempt failed), SENT (Keycloak accepted to send it, at {@code sentAt}) or FAILED (given up at
 * {@code failedAt} after {@code attempts} attempts, for the reason {@code lastError}: resend it).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record InvitationView(Status status, Instant requestedAt,
                      @Nullable Instant sentAt, @Nullable Instant failedAt, int attempts, @Nullable String lastError) {

    static InvitationView of(KeycloakAction action) {
        var status = switch (action.status()) {
            case KeycloakAction.DONE -> Status.SENT;
            case KeycloakAction.FAILED -> Status.FAILED;
            default -> Status.PENDING;
        };
        return new InvitationView(status, action.createdAt(), status == Status.SENT ? action.doneAt() : null,
                status == Status.FAILED ? action.doneAt() : null, action.attempts(), action.lastError());
    }

    enum Status { PENDING, SENT, FAILED }
}
