package io.taskforce.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Adds the security headers to every response, errors included: the CSP (see {@link SecurityHeaders}),
 * {@code nosniff}, no framing, a strict referrer policy, HSTS when the request came over HTTPS (directly or through
 * a proxy that says so), and {@code Cache-Control: no-store} on the API, whose answers hold a crisis's details.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter {

    private final String contentSecurityPolicy;

    SecurityHeadersFilter(@Value("${taskforce.oidc.public-url}") String identityProviderUrl) {
        this.contentSecurityPolicy = SecurityHeaders.contentSecurityPolicy(identityProviderUrl);
    }

    @ResponseFilter
    void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"))) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (request.getPath().startsWith("/api/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
