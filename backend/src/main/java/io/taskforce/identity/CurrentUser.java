package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, as read from a verified Keycloak access token. The tenant comes only from the token's
 * {@code tenant_id} claim (set from an admin-only user attribute); nothing the caller sends can change it.
 */
public record CurrentUser(String subject, String username, @Nullable String name, List<String> roles,
                          @Nullable Firm firm, @Nullable UUID tenantId) {

    public static CurrentUser of(Authentication authentication) {
        Map<String, Object> claims = authentication.getAttributes();
        List<String> roles = List.copyOf(authentication.getRoles());
        return new CurrentUser(
                authentication.getName(),
                stringClaim(claims, "preferred_username").orElse(authentication.getName()),
                stringClaim(claims, "name").orElse(null),
                roles,
                Firm.ofRoles(roles).orElse(null),
                stringClaim(claims, "tenant_id").flatMap(CurrentUser::parseUuid).orElse(null));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    private static Optional<String> stringClaim(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
