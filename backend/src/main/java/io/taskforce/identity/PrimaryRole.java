package io.taskforce.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The one product role a user holds, read from the token's roles (Keycloak adds others of its own). */
public final class PrimaryRole {

    private static final List<String> PRODUCT_ROLES = List.of(Role.PLATFORM_ADMIN, Role.LAWYER, Role.CONSULTANT,
            Role.REPUTATION_SPECIALIST, Role.CLIENT);

    private PrimaryRole() {
    }

    public static Optional<String> of(Collection<String> roles) {
        return PRODUCT_ROLES.stream().filter(roles::contains).findFirst();
    }
}
