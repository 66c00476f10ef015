package io.taskforce.legal;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import io.taskforce.legal.ActionRecords.ActionView;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Secured({Role.LAWYER, Role.CONSULTANT, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class ActionController {

    private final ActionService actions;

    ActionController(ActionService actions) {
        this.actions = actions;
    }

    @Get("/cases/{caseId}/legal-actions")
    @Operation(operationId = "listLegalActions", summary = "The case's legal actions with their status, dates, notice check and the clocks they started or stopped")
    List<ActionView> list(Caller caller, @PathVariable UUID caseId) {
        return actions.list(caller, caseId);
    }

    @Post("/cases/{caseId}/legal-actions")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createLegalAction", summary = "A lawyer records a legal action (formal notice, complaint, summary proceedings, host or platform notice, CNIL notification, right-of-reply or de-listing request) as a draft")
    ActionView create(Caller caller, @PathVariable UUID caseId, @Body @Valid ActionRecords.NewAction request) {
        return actions.create(caller, caseId, request);
    }

    @Post("/legal-actions/{id}/status")
    @Operation(operationId = "moveLegalAction", summary = "A lawyer records an action as sent, answered, granted, refused or withdrawn; sending a CNIL notification stops the 72-hour clock, a right-of-reply request starts the insertion clock")
    ActionView move(Caller caller, @PathVariable UUID id, @Body @Valid ActionRecords.StatusChange change) {
        return actions.move(caller, id, change);
    }
}
