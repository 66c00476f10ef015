package io.taskforce.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.platform.web.Page;
import jakarta.validation.Valid;

import java.util.UUID;

/** Every signed-in person's own notification centre and preferences. */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationController {

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Get("/notifications")
    @Operation(operationId = "listNotifications", summary = "My notifications, newest first")
    Page<NotificationView> list(Caller caller, @QueryValue @Nullable String after, @QueryValue @Nullable Integer limit) {
        return notifications.page(caller, after, Page.limit(limit));
    }

    @Get("/notifications/unread")
    @Operation(operationId = "countUnreadNotifications", summary = "How many of my notifications are unread")
    NotificationView.UnreadCount unread(Caller caller) {
        return notifications.unread(caller);
    }

    @Post("/notifications/{id}/read")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "markNotificationRead", summary = "Mark one of my notifications read")
    void markRead(Caller caller, @PathVariable UUID id) {
        notifications.markRead(caller, id);
    }

    @Post("/notifications/read-all")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all my notifications read")
    void markAllRead(Caller caller) {
        notifications.markAllRead(caller);
    }

    @Get("/me/notification-preferences")
    @Operation(operationId = "getNotificationPreferences", summary = "Which events reach me by e-mail, and in which language")
    PreferencesView preferences(Caller caller) {
        return notifications.preferences(caller);
    }

    @Put("/me/notification-preferences")
    @Operation(operationId = "saveNotificationPreferences", summary = "Choose which events reach me by e-mail, and the language of e-mails")
    PreferencesView savePreferences(Caller caller, @Body @Valid PreferencesView request) {
        return notifications.savePreferences(caller, request);
    }
}
