package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;

/**
 * Registers a person the product sees for the first time with a valid token (demo users, people created in Keycloak
 * directly) and records it in the platform's audit chain, so that nobody acts without the trail saying when they
 * appeared. Implemented by the tenancy feature, which owns people and may audit.
 */
public interface FirstSeenUsers {

    /** Registers and audits the caller when unknown; a no-op when another request registered them first. */
    void register(Caller caller, @Nullable String email, @Nullable String firstName, @Nullable String lastName, String role);
}
