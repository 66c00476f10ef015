package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;

import java.security.Principal;
import java.util.UUID;

/** The authenticated user of a request and where the request came from: what an audit event records. */
public record Caller(CurrentUser user, @Nullable String ip, @Nullable String userAgent, @Nullable String requestId)
        implements Principal {

    /** The Keycloak subject. Being a {@link Principal} also keeps this injected argument out of the OpenAPI document. */
    @Override
    public String getName() {
        return user.subject();
    }

    /** The person's id in the product (the Keycloak subject, a UUID). */
    public UUID userId() {
        return UUID.fromString(user.subject());
    }
}
