package io.taskforce.identity;

import io.micronaut.core.annotation.Nullable;

import java.security.Principal;
import java.util.UUID;

/**
 * The authenticated user of a request and where the request came from: what an audit event records. The request
 * id is the server's own; the caller's ({@code X-Request-Id}, if any) is kept beside it, as given.
 */
public record Caller(CurrentUser user, @Nullable String ip, @Nullable String userAgent, @Nullable String requestId,
                     @Nullable String clientRequestId) implements Principal {

    /** A caller outside an HTTP request (jobs, the demo data), or one that sent no request id of its own. */
    public Caller(CurrentUser user, @Nullable String ip, @Nullable String userAgent, @Nullable String requestId) {
        this(user, ip, userAgent, requestId, null);
    }

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
