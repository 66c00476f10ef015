package io.taskforce.legal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.legal.ClockViews.CalendarEntry;
import io.taskforce.legal.ClockViews.FeedView;

import java.util.List;

@Controller("/api/v1/legal")
@Secured(Role.LAWYER)
@ExecuteOn(TaskExecutors.BLOCKING)
class CalendarController {

    private final ClockService clocks;
    private final CalendarFeeds feeds;

    CalendarController(ClockService clocks, CalendarFeeds feeds) {
        this.clocks = clocks;
        this.feeds = feeds;
    }

    @Get("/calendar")
    @Operation(operationId = "legalCalendar", summary = "The lawyer's running clocks across their cases, soonest first")
    List<CalendarEntry> calendar(Caller caller) {
        return clocks.calendar(caller);
    }

    @Get("/calendar/feed")
    @Operation(operationId = "getCalendarFeed", summary = "Whether the lawyer has an iCalendar feed (its secret is shown only when made)")
    FeedView feed(Caller caller) {
        return feeds.status(caller);
    }

    @Post("/calendar/feed")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createCalendarFeed", summary = "Make (or replace) the lawyer's secret iCalendar feed URL; shown once")
    FeedView create(Caller caller) {
        return feeds.create(caller);
    }

    @Delete("/calendar/feed")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke the lawyer's iCalendar feed: its URL stops working at once")
    void revoke(Caller caller) {
        feeds.revoke(caller);
    }

    /** The feed itself: a calendar application has no token, so the secret in the path is the credential. */
    @Get(value = "/calendar-feeds/{token}", produces = "text/calendar")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(operationId = "calendarFeed", summary = "The iCalendar feed of a secret URL (no token: the secret is the credential)")
    HttpResponse<String> ics(@PathVariable String token) {
        return HttpResponse.ok(feeds.ics(token)).contentType("text/calendar; charset=utf-8");
    }
}
