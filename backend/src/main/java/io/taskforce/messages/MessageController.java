package io.taskforce.messages;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.messages.MessageViews.MessageView;
import io.taskforce.messages.MessageViews.RevisionView;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class MessageController {

    private final MessageService messages;

    MessageController(MessageService messages) {
        this.messages = messages;
    }

    @Post("/cases/{caseId}/messages")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createMessage", summary = "Draft a message for the case: its first revision")
    MessageView create(Caller caller, @PathVariable UUID caseId, @Body @Valid MessageRequests.Draft draft) {
        return messages.create(caller, caseId, draft);
    }

    @Post("/cases/{caseId}/messages/from-template")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createMessageFromTemplate",
            summary = "Fill in a pre-approved template; approved at once when a lawyer other than you approved the template")
    MessageView fromTemplate(Caller caller, @PathVariable UUID caseId, @Body @Valid MessageRequests.FromTemplate request) {
        return messages.createFromTemplate(caller, caseId, request);
    }

    @Get("/cases/{caseId}/messages")
    @Operation(operationId = "listCaseMessages", summary = "The case's messages, last changed first (team only)")
    List<MessageView> list(Caller caller, @PathVariable UUID caseId) {
        return messages.list(caller, caseId);
    }

    @Get("/messages/{id}")
    @Operation(operationId = "getMessage", summary = "A message: state, current revision, approvals, publications")
    MessageView get(Caller caller, @PathVariable UUID id) {
        return messages.get(caller, id);
    }

    @Put("/messages/{id}")
    @Operation(operationId = "editMessage", summary = "New words for a message: a new revision, back to DRAFT; 409 when baseRevision is not current")
    MessageView edit(Caller caller, @PathVariable UUID id, @Body @Valid MessageRequests.Edit edit) {
        return messages.edit(caller, id, edit);
    }

    @Get("/messages/{id}/revisions/{number}")
    @Operation(operationId = "getMessageRevision", summary = "The exact words of a revision, with the message check's warnings")
    RevisionView revision(Caller caller, @PathVariable UUID id, @PathVariable int number) {
        return messages.revision(caller, id, number);
    }

    @Post("/messages/{id}/submit")
    @Operation(operationId = "submitMessage", summary = "Ask the team's lawyers to review the current revision")
    MessageView submit(Caller caller, @PathVariable UUID id, @Body @Valid MessageRequests.RevisionRef request) {
        return messages.submit(caller, id, request.revision());
    }

    @Post("/messages/{id}/approve")
    @Operation(operationId = "approveMessage", summary = "A team lawyer who did not write it approves the revision, named with its hash")
    MessageView approve(Caller caller, @PathVariable UUID id, @Body @Valid MessageRequests.SignedRevision request) {
        return messages.approve(caller, id, request.revision(), request.sha256());
    }

    @Post("/messages/{id}/request-changes")
    @Operation(operationId = "requestMessageChanges", summary = "A team lawyer sends the revision back with a comment")
    MessageView requestChanges(Caller caller, @PathVariable UUID id, @Body @Valid MessageRequests.ChangeRequest request) {
        return messages.requestChanges(caller, id, request.revision(), request.comment());
    }

    @Post("/messages/{id}/publish")
    @Operation(operationId = "publishMessage", summary = "Record the approved revision, named with its hash, as published")
    MessageView publish(Caller caller, @PathVariable UUID id, @Body @Valid MessageRequests.SignedRevision request) {
        return messages.publish(caller, id, request.revision(), request.sha256());
    }

    @Post("/messages/{id}/withdraw")
    @Operation(operationId = "withdrawMessage", summary = "Withdraw a published message; the client sees it as withdrawn")
    MessageView withdraw(Caller caller, @PathVariable UUID id) {
        return messages.withdraw(caller, id);
    }
}
