package io.taskforce.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.platform.web.Page;
import jakarta.validation.Valid;

import java.util.UUID;

@Controller("/api/v1/tenants")
@Secured(Role.PLATFORM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantController {

    private final TenantService tenants;
    private final PeopleService people;

    TenantController(TenantService tenants, PeopleService people) {
        this.tenants = tenants;
        this.people = people;
    }

    @Get
    @Operation(operationId = "listTenants", summary = "Tenants by slug, keyset-paginated")
    Page<TenantView> list(@QueryValue @Nullable String after, @QueryValue @Nullable Integer limit) {
        return tenants.list(after, Page.limit(limit));
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createTenant", summary = "Create a tenant and its group in Keycloak")
    TenantView create(Caller caller, @Body @Valid TenantRequests.CreateTenant request) {
        return tenants.create(caller, request);
    }

    @Get("/{id}")
    @Secured({Role.PLATFORM_ADMIN, Role.CLIENT})
    @Operation(operationId = "getTenant", summary = "A tenant; a client user reads their own tenant only (any other answers 404)")
    TenantView get(Caller caller, @PathVariable UUID id) {
        boolean client = !caller.user().hasRole(Role.PLATFORM_ADMIN);
        if (client && !id.equals(caller.user().tenantId())) {
            throw ApiException.notFound("Tenant");
        }
        return TenantView.of(tenants.get(id));
    }

    @Patch("/{id}")
    @Operation(operationId = "updateTenant", summary = "Rename, deactivate or reactivate a tenant")
    TenantView update(Caller caller, @PathVariable UUID id, @Body @Valid TenantRequests.UpdateTenant request) {
        return tenants.update(caller, id, request);
    }

    @Get("/{id}/users")
    @Operation(operationId = "listTenantUsers", summary = "The tenant's client users")
    Page<UserView> users(@PathVariable UUID id, @QueryValue @Nullable String after, @QueryValue @Nullable Integer limit) {
        return people.members(id, after, Page.limit(limit));
    }

    @Post("/{id}/users")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "inviteClient", summary = "Invite a client user into the tenant: Keycloak e-mails them a link to choose their password (the invitation is PENDING until sent)")
    UserView invite(Caller caller, @PathVariable UUID id, @Body @Valid TenantRequests.InviteClient request) {
        return people.inviteClient(caller, id, request);
    }
}
