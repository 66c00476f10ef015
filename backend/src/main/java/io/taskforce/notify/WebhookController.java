package io.taskforce.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import io.taskforce.platform.web.Page;
import jakarta.validation.Valid;

import java.util.UUID;

/** Webhooks of tenants and firms, for platform admins. */
@Controller("/api/v1/webhooks")
@Secured(Role.PLATFORM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Get
    @Operation(operationId = "listWebhooks", summary = "Webhooks of every tenant and firm, newest first; never their secrets")
    Page<WebhookView> list(@QueryValue @Nullable String after, @QueryValue @Nullable Integer limit) {
        return webhooks.list(after, Page.limit(limit));
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createWebhook", summary = "Create a webhook of a tenant or a firm; its signing secret is shown in this response only")
    WebhookView.Created create(Caller caller, @Body @Valid WebhookRequests.CreateWebhook request) {
        return webhooks.create(caller, request);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook and its delivery log")
    void delete(Caller caller, @PathVariable UUID id) {
        webhooks.delete(caller, id);
    }

    @Post("/{id}/enable")
    @Operation(operationId = "enableWebhook", summary = "Enable a webhook disabled after failed deliveries")
    WebhookView enable(Caller caller, @PathVariable UUID id) {
        return webhooks.enable(caller, id);
    }

    @Post("/{id}/test")
    @Status(HttpStatus.ACCEPTED)
    @Operation(operationId = "testWebhook", summary = "Send a webhook.test delivery now")
    WebhookDeliveryView test(Caller caller, @PathVariable UUID id) {
        return webhooks.test(caller, id);
    }

    @Get("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a webhook, newest first, with each attempt")
    Page<WebhookDeliveryView> deliveries(@PathVariable UUID id, @QueryValue @Nullable String after,
                                         @QueryValue @Nullable Integer limit) {
        return webhooks.deliveries(id, after, Page.limit(limit));
    }
}
