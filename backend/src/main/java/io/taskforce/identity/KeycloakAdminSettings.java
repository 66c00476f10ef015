package io.taskforce.identity;

import io.micronaut.context.annotation.ConfigurationProperties;

/** The service-account client through which the product manages users in Keycloak. */
@ConfigurationProperties("taskforce.keycloak-admin")
public record KeycloakAdminSettings(String url, String realm, String clientId, String clientSecret) {

    boolean configured() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
