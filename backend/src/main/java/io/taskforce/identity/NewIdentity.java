package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * A person to create in Keycloak: one product role, for client users their tenant, and the language their
 * e-mails and login pages use (Keycloak's {@code locale} attribute; the realm's default when null). No password:
 * they choose one through the invitation e-mail.
 */
public record NewIdentity(String email, String firstName, String lastName, String role, @Nullable UUID tenantId,
                          @Nullable String locale) {
}
