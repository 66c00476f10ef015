package io.taskforce.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the tenant and people endpoints. */
final class TenantRequests {

    private TenantRequests() {
    }

    @Serdeable
    record CreateTenant(@NotBlank @Size(max = 120) String name,
                        @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$",
                                message = "must be 2 to 63 lower-case letters, digits or dashes, not starting with a dash")
                        String slug,
                        @Nullable @Pattern(regexp = "^(fr|en)$", message = "must be fr or en") String locale) {
    }

    @Serdeable
    record UpdateTenant(@Nullable @Size(min = 1, max = 120) String name, @Nullable Boolean active) {
    }

    @Serdeable
    record InviteClient(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String firstName,
                        @NotBlank @Size(max = 100) String lastName) {
    }

    @Serdeable
    record InviteStaff(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 100) String firstName,
                       @NotBlank @Size(max = 100) String lastName,
                       @NotBlank @Pattern(regexp = "^(consultant|lawyer|reputation_specialist)$",
                               message = "must be consultant, lawyer or reputation_specialist") String role) {
    }

    @Serdeable
    record UpdateUser(@jakarta.validation.constraints.NotNull Boolean active) {
    }
}
