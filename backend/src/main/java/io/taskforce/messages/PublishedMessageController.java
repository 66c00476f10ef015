package io.taskforce.messages;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.messages.MessageViews.PublishedMessageView;

import java.util.List;
import java.util.UUID;

/** What left the task force for a case: the client's view, also open to the team. */
@Controller("/api/v1")
@Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST, Role.CLIENT})
@ExecuteOn(TaskExecutors.BLOCKING)
class PublishedMessageController {

    private final MessageService messages;

    PublishedMessageController(MessageService messages) {
        this.messages = messages;
    }

    @Get("/cases/{caseId}/published-messages")
    @Operation(operationId = "listPublishedMessages", summary = "The case's published messages, frozen as published; withdrawn ones marked")
    List<PublishedMessageView> published(Caller caller, @PathVariable UUID caseId) {
        return messages.published(caller, caseId);
    }
}
