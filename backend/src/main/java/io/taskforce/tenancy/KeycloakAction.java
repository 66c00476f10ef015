package io.taskforce.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * Something Keycloak must do after a change has committed (README, "External side effects"): written in the
 * change's transaction, performed by {@link KeycloakCourier}. {@code tenant} names the tenant whose group a client
 * joins (JOIN_TENANT_GROUP only).
 */
@MappedEntity("keycloak_action")
record KeycloakAction(@Id UUID id, UUID userId, @Nullable UUID tenant, String action, String status, int attempts,
                      Instant nextAttemptAt, @Nullable Instant claimedUntil, @Nullable String lastError,
                      Instant createdAt, @Nullable Instant doneAt) {

    static final String SEND_INVITATION = "SEND_INVITATION";
    static final String JOIN_TENANT_GROUP = "JOIN_TENANT_GROUP";
    static final String SYNC_ENABLED = "SYNC_ENABLED";

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
}
