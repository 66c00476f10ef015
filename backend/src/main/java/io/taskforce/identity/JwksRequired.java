package io.taskforce.identity;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.net.URI;

/**
 * Fail closed: without a JWKS location and an issuer, Micronaut would have nothing to check a token's
 * signature against, so the application refuses to start instead of running with weak validation.
 */
@Context
final class JwksRequired {

    JwksRequired(OidcSettings settings) {
        requireHttpUrl("taskforce.oidc.jwks-url (OIDC_JWKS_URL)", settings.jwksUrl());
        requireHttpUrl("taskforce.oidc.issuer (OIDC_ISSUER)", settings.issuer());
        if (settings.audience() == null || settings.audience().isBlank()) {
            throw new ConfigurationException("taskforce.oidc.audience (OIDC_AUDIENCE) is not set: refusing to start");
        }
    }

    private static void requireHttpUrl(String name, String value) {
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
    }
}
