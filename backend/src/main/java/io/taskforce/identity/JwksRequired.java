package io.taskforce.identity;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;

import java.net.URI;

/**
 * Fail closed: without a JWKS location and an issuer, Micronaut would have nothing to check a token's
 * signature against, so the application refuses to start instead of running with weak validation. The signing
 * keys, the issuer and the Keycloak admin API are reached over HTTPS only: whoever answers a plain-HTTP JWKS request
 * could mint tokens. Plain HTTP is for local runs and tests, which say so with {@code taskforce.local-run}
 * (TASKFORCE_LOCAL_RUN, set by deploy/run-local.sh and the compose demo; never by the image or the chart).
 */
@Context
final class JwksRequired {

    JwksRequired(OidcSettings settings, KeycloakAdminSettings admin, @Value("${taskforce.local-run:false}") boolean localRun) {
        requireUrl("taskforce.oidc.jwks-url (OIDC_JWKS_URL)", settings.jwksUrl(), localRun);
        requireUrl("taskforce.oidc.issuer (OIDC_ISSUER)", settings.issuer(), localRun);
        if (settings.audience() == null || settings.audience().isBlank()) {
            throw new ConfigurationException("taskforce.oidc.audience (OIDC_AUDIENCE) is not set: refusing to start");
        }
        if (admin.configured()) {
            // the admin API falls back to the public Keycloak URL; either way the client secret travels over it
            boolean own = admin.url() != null && !admin.url().isBlank();
            requireUrl(own ? "taskforce.keycloak-admin.url (KEYCLOAK_ADMIN_URL)" : "taskforce.oidc.public-url (OIDC_PUBLIC_URL)",
                    own ? admin.url() : settings.publicUrl(), localRun);
        }
    }

    private static void requireUrl(String name, String value, boolean localRun) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(name + " is not set: refusing to start without a way to verify tokens");
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(name + " is not a valid URL: " + value);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigurationException(name + " must be an absolute http(s) URL, got: " + value);
        }
        if ("http".equals(uri.getScheme()) && !localRun) {
            throw new ConfigurationException(name + " must be an https URL, got: " + value
                    + " (plain HTTP is allowed for local runs only, with TASKFORCE_LOCAL_RUN=true)");
        }
    }
}
