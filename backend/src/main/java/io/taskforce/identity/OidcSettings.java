package io.taskforce.identity;

import io.micronaut.context.annotation.ConfigurationProperties;

/** Where the identity provider is; {@code application.yml} maps these from OIDC_* variables. */
@ConfigurationProperties("taskforce.oidc")
public record OidcSettings(String issuer, String jwksUrl, String audience, String publicUrl, String realm,
                           String spaClientId) {
}
