package io.taskforce.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.taskforce.identity.UserAccount;

import java.time.Instant;
import java.util.UUID;

/** A person as platform admins see them, with their latest invitation (null for people never invited). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record UserView(UUID id, String username, @Nullable String email, @Nullable String firstName,
                @Nullable String lastName, String role, @Nullable UUID tenantId, boolean active, Instant createdAt,
                @Nullable InvitationView invitation) {

    static UserView of(UserAccount u, @Nullable UUID tenantId, @Nullable InvitationView invitation) {
        return new UserView(u.id(), u.username(), u.email(), u.firstName(), u.lastName(), u.role(), tenantId,
                u.active(), u.createdAt(), invitation);
    }
}
