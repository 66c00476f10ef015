package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/** A person to create in Keycloak: one product role, and for client users, their tenant. */
public record NewIdentity(String email, String firstName, String lastName, String role, @Nullable UUID tenantId,
                          @Nullable String tenantGroupId, String temporaryPassword) {
}
