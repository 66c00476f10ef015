package io.taskforce.cases;

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
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class HandoffController {

    private final HandoffService handoffs;

    HandoffController(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    @Get("/cases/{id}/handoffs")
    @Operation(operationId = "listHandoffs", summary = "Items handed between the case's workstreams, newest first")
    List<HandoffView> list(Caller caller, @PathVariable UUID id) {
        return handoffs.list(caller, id);
    }

    @Post("/cases/{id}/handoffs")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createHandoff", summary = "Hand an item to another workstream: a task for its lead")
    HandoffView create(Caller caller, @PathVariable UUID id, @Body @Valid CaseRequests.NewHandoff request) {
        return handoffs.create(caller, id, request);
    }

    @Post("/handoffs/{id}/answer")
    @Operation(operationId = "answerHandoff", summary = "Answer or decline a hand-off, with a reply")
    HandoffView answer(Caller caller, @PathVariable UUID id, @Body @Valid CaseRequests.HandoffAnswer request) {
        return handoffs.answer(caller, id, request);
    }
}
