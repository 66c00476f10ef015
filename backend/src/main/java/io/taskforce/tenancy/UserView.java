package io.taskforce.tenancy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.taskforce.identity.UserAccount;

import java.time.Instant;
import java.util.UUID;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record UserView(UUID id, String username, @Nullable String email, @Nullable String firstName,
                @Nullable String lastName, String role, @Nullable UUID tenantId, boolean active, Instant createdAt) {

    static UserView of(UserAccount u, @Nullable UUID tenantId) {
        return new UserView(u.id(), u.username(), u.email(), u.firstName(), u.lastName(), u.role(), tenantId,
                u.active(), u.createdAt());
    }

    @Serdeable
    record Invited(UserView user, String temporaryPassword) {
    }
}
