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
import io.taskforce.platform.web.Page;
import jakarta.validation.Valid;

import java.util.UUID;

@Controller("/api/v1")
@Secured(Role.PLATFORM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class PeopleController {

    private final PeopleService people;

    PeopleController(PeopleService people) {
        this.people = people;
    }

    @Get("/staff")
    @Operation(operationId = "listStaff", summary = "Staff of the three firms and platform admins")
    Page<UserView> staff(@QueryValue @Nullable String after, @QueryValue @Nullable Integer limit) {
        return people.staff(after, Page.limit(limit));
    }

    @Post("/staff")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "inviteStaff", summary = "Invite a consultant, lawyer or reputation specialist: Keycloak e-mails them a link to choose their password and set up a second factor")
    UserView invite(Caller caller, @Body @Valid TenantRequests.InviteStaff request) {
        return people.inviteStaff(caller, request);
    }

    @Patch("/users/{id}")
    @Operation(operationId = "updateUser", summary = "Deactivate or reactivate a person, here and in Keycloak")
    UserView update(Caller caller, @PathVariable UUID id, @Body @Valid TenantRequests.UpdateUser request) {
        return people.setActive(caller, id, request.active());
    }

    @Get("/users/{id}/invitation")
    @Operation(operationId = "getInvitation", summary = "Where the person's latest invitation e-mail stands (404 if never invited)")
    InvitationView invitation(@PathVariable UUID id) {
        return people.invitation(id);
    }

    @Post("/users/{id}/invitation")
    @Status(HttpStatus.ACCEPTED)
    @Operation(operationId = "resendInvitation", summary = "Send the person a new invitation e-mail (a fresh link), after commit")
    InvitationView resend(Caller caller, @PathVariable UUID id) {
        return people.resendInvitation(caller, id);
    }
}
