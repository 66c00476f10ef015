package io.taskforce.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * Slows down floods: every change (POST, PUT, PATCH, DELETE) counts against its user and its address, and every
 * request without a token (the secret calendar-feed URLs, the sign-in configuration) against its address. Past the
 * limit the answer is 429 with {@code Retry-After}; reads of signed-in users are not limited here.
 */
@ServerFilter("/api/**")
final class RateLimitFilter implements Ordered {

    private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final RateLimits.Settings settings;
    private final RateLimits limits = new RateLimits();
    private final ClientAddresses addresses;
    private final ErrorResponseProcessor<?> errors;

    RateLimitFilter(RateLimits.Settings settings, ClientAddresses addresses, ErrorResponseProcessor<?> errors) {
        this.settings = settings;
        this.addresses = addresses;
        this.errors = errors;
    }

    @RequestFilter
    @Nullable
    MutableHttpResponse<?> limit(HttpRequest<?> request) {
        if (!settings.enabled()) {
            return null;
        }
        // the client's address as the trusted proxies report it, else the peer's (a spoofed X-Forwarded-For is ignored)
        String address = addresses.of(request);
        var user = request.getUserPrincipal().map(Principal::getName);
        Optional<RateLimits.Refused> refused;
        if (user.isEmpty()) {
            refused = limits.take("anonymous:" + address, settings.anonymousPerMinute());
        } else if (CHANGES.contains(request.getMethod())) {
            refused = limits.take("user:" + user.get(), settings.userWritesPerMinute())
                    .or(() -> limits.take("address:" + address, settings.addressWritesPerMinute()));
        } else {
            refused = Optional.empty();
        }
        return refused.map(r -> tooMany(request, r)).orElse(null);
    }

    private MutableHttpResponse<?> tooMany(HttpRequest<?> request, RateLimits.Refused refused) {
        return errors.processResponse(ErrorContext.builder(request)
                        .errorMessage("Too many requests: try again in " + refused.retryAfterSeconds() + " s.").build(),
                HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(refused.retryAfterSeconds())));
    }

    @Override
    public int getOrder() {
        // after authentication (the user is known), before anything reads the database
        return ServerFilterPhase.SECURITY.after();
    }
}
