package io.taskforce.identity;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;

/** What the single-page app needs before login: where Keycloak is. Public by nature. */
@Controller("/api/v1/client-config")
@Secured(SecurityRule.IS_ANONYMOUS)
class ClientConfigController {

    private final ClientConfig config;

    ClientConfigController(OidcSettings oidc) {
        this.config = new ClientConfig(oidc.publicUrl(), oidc.realm(), oidc.spaClientId());
    }

    @Get
    @Operation(operationId = "clientConfig", summary = "Identity-provider settings for the web app (no secrets)")
    ClientConfig config() {
        return config;
    }

    @Serdeable
    record ClientConfig(String authServerUrl, String realm, String clientId) {
    }
}
