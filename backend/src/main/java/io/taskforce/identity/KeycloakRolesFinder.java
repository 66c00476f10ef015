package io.taskforce.identity;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Keycloak puts realm roles in {@code realm_access.roles}, not in a top-level claim. */
@Singleton
@Replaces(DefaultRolesFinder.class)
final class KeycloakRolesFinder implements RolesFinder {

    @Override
    public List<String> resolveRoles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof List<?> roles) {
            return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
