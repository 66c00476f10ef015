package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A person known to the product; the id is their Keycloak subject. */
@MappedEntity("user_account")
public record UserAccount(@Id UUID id, String username, @Nullable String email, @Nullable String firstName,
                          @Nullable String lastName, String role, boolean active, Instant createdAt) {

    /** First and last name, or the user name when the person has none. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? username : name;
    }

    /** The firm of a staff member; empty for clients and platform admins. */
    public Optional<Firm> firm() {
        return Firm.ofRoles(List.of(role));
    }

    public UserAccount withActive(boolean active) {
        return new UserAccount(id, username, email, firstName, lastName, role, active, createdAt);
    }
}
