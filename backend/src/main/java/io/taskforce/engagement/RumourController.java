package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** The rumour log: the team reads it; consultants and reputation specialists, who watch the web, write it. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class RumourController {

    private final RumourService rumours;

    RumourController(RumourService rumours) {
        this.rumours = rumours;
    }

    @Get("/cases/{caseId}/rumours")
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
    @Operation(operationId = "listRumours", summary = "The case's rumours: open ones oldest first (open=true for those only)")
    List<RumourView> list(Caller caller, @PathVariable UUID caseId, @QueryValue @Nullable Boolean open) {
        return rumours.list(caller, caseId, Boolean.TRUE.equals(open));
    }

    @Post("/cases/{caseId}/rumours")
    @Status(HttpStatus.CREATED)
    @Secured({Role.CONSULTANT, Role.REPUTATION_SPECIALIST})
    @Operation(operationId = "logRumour", summary = "Log a rumour seen in the wild; it is WATCHING until resolved")
    RumourView add(Caller caller, @PathVariable UUID caseId, @Body @Valid RumourRequests.NewRumour request) {
        return rumours.create(caller, caseId, request);
    }

    @Post("/rumours/{id}/resolve")
    @Secured({Role.CONSULTANT, Role.REPUTATION_SPECIALIST})
    @Operation(operationId = "resolveRumour",
            summary = "Debunk or confirm a rumour, once; the response becomes an entry of the running log")
    RumourView resolve(Caller caller, @PathVariable UUID id, @Body @Valid RumourRequests.Resolve request) {
        return rumours.resolve(caller, id, request);
    }
}
