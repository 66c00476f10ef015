package io.taskforce.identity;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The service-account client (and the realm it belongs to) through which the product manages its realm's users. */
@ConfigurationProperties("taskforce.keycloak-admin")
public record KeycloakAdminSettings(String url, String realm, String clientId, String clientSecret) {

    boolean configured() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
