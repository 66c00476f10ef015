package io.taskforce.identity;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;

@Controller("/api/v1/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeController {

    private final TenantLookup tenants;

    MeController(TenantLookup tenants) {
        this.tenants = tenants;
    }

    @Get
    @Operation(operationId = "me", summary = "Who am I: subject, user name, roles, firm and tenant of the caller")
    MeView me(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        var tenant = user.tenantId() == null ? null : tenants.nameOf(user.tenantId())
                .map(name -> new MeView.TenantRef(user.tenantId(), name))
                .orElse(null);
        return new MeView(user.subject(), user.username(), user.name(), user.roles(), user.firm(), tenant);
    }
}
