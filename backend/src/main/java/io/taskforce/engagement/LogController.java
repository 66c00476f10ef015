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
import io.taskforce.cases.Workstream;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.web.Page;
import jakarta.validation.Valid;

import java.time.Instant;
import java.util.UUID;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class LogController {

    private final LogService log;

    LogController(LogService log) {
        this.log = log;
    }

    @Get("/cases/{caseId}/log")
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST, Role.CLIENT})
    @Operation(operationId = "listLogEntries",
            summary = "The case's running log, newest fact first, with filters; a client gets the public entries only")
    Page<LogEntryView> list(Caller caller, @PathVariable UUID caseId, @QueryValue @Nullable Workstream workstream,
                            @QueryValue @Nullable Boolean publicOnly, @QueryValue @Nullable UUID author,
                            @QueryValue @Nullable Instant from, @QueryValue @Nullable Instant to,
                            @QueryValue @Nullable String after, @QueryValue @Nullable Integer limit) {
        return log.page(caller, caseId, new LogStore.Filter(workstream, Boolean.TRUE.equals(publicOnly), author, from, to),
                after, Page.limit(limit));
    }

    @Post("/cases/{caseId}/log")
    @Status(HttpStatus.CREATED)
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
    @Operation(operationId = "addLogEntry",
            summary = "Log a fact or a decision (team; lawyers and reputation specialists in their own workstream)")
    LogEntryView add(Caller caller, @PathVariable UUID caseId, @Body @Valid LogRequests.NewEntry entry) {
        return log.write(caller, caseId, entry);
    }
}
