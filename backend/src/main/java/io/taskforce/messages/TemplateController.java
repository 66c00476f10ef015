package io.taskforce.messages;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import jakarta.validation.Valid;

import java.util.List;

@Controller("/api/v1/message-templates")
@Secured({Role.CONSULTANT, Role.LAWYER})
@ExecuteOn(TaskExecutors.BLOCKING)
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @Get
    @Operation(operationId = "listMessageTemplates", summary = "The firms' holding-statement templates and whether a lawyer approved them")
    List<MessageViews.TemplateView> list() {
        return templates.list();
    }

    @Post("/{id}/approve")
    @Operation(operationId = "approveMessageTemplate", summary = "A lawyer approves a template's words, named by their hash")
    MessageViews.TemplateView approve(Caller caller, @PathVariable String id, @Body @Valid MessageRequests.TemplateApproval request) {
        return templates.approve(caller, id, request.sha256());
    }
}
