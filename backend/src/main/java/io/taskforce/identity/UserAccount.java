package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A person known to the product; the id is their Keycloak subject. */
@MappedEntity("user_account")
public record UserAccount(@Id UUID id, String username, @Nullable String email, @Nullable String firstName,
                          @Nullable String lastName, String role, boolean active, Instant createdAt) {

    public UserAccount withActive(boolean active) {
        return new UserAccount(id, username, email, firstName, lastName, role, active, createdAt);
    }
}
