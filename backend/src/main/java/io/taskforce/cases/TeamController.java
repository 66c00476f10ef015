package io.taskforce.cases;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/cases/{id}/team")
@Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class TeamController {

    private final TeamService team;

    TeamController(TeamService team) {
        this.team = team;
    }

    @Get
    @Operation(operationId = "listTeam", summary = "The case's team: members, their workstream, the leads")
    List<TeamMember> list(Caller caller, @PathVariable UUID id) {
        return team.list(caller, id);
    }

    @Post
    @Secured(Role.CONSULTANT)
    @Operation(operationId = "putTeamMember", summary = "Add a member (201) or change their workstream or lead (200)")
    HttpResponse<TeamMember> put(Caller caller, @PathVariable UUID id, @Body @Valid CaseRequests.TeamChange request) {
        var result = team.put(caller, id, request);
        return HttpResponse.<TeamMember>status(result.added() ? HttpStatus.CREATED : HttpStatus.OK).body(result.member());
    }

    @Delete("/{userId}")
    @Secured(Role.CONSULTANT)
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "removeTeamMember", summary = "Take someone off the team: they no longer see the case")
    void remove(Caller caller, @PathVariable UUID id, @PathVariable UUID userId) {
        team.remove(caller, id, userId);
    }
}
