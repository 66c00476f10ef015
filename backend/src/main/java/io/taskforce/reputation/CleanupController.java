package io.taskforce.reputation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.reputation.ReputationViews.ActionView;
import io.taskforce.reputation.ReputationViews.ClientActionView;
import jakarta.validation.Valid;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1/cases/{caseId}")
@Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class CleanupController {

    private final CleanupService cleanup;

    CleanupController(CleanupService cleanup) {
        this.cleanup = cleanup;
    }

    @Get("/cleanup-actions")
    @Operation(operationId = "listCleanupActions", summary = "Cleanup actions with their notes and whether their URLs left the top 10 / 20 (team only)")
    List<ActionView> list(Caller caller, @PathVariable UUID caseId) {
        return cleanup.list(caller, caseId);
    }

    @Get("/cleanup-progress")
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST, Role.CLIENT})
    @Operation(operationId = "listCleanupProgress", summary = "The actions as the client sees them: kind, state, effect, no internal note")
    List<ClientActionView> progress(Caller caller, @PathVariable UUID caseId) {
        return cleanup.progress(caller, caseId);
    }

    @Get("/serp-report.pdf")
    @Produces("application/pdf")
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST, Role.CLIENT})
    @Operation(operationId = "getSerpReport", summary = "The search-result progress report of the case for a period, as PDF (fr or en)")
    HttpResponse<byte[]> report(Caller caller, @PathVariable UUID caseId, @QueryValue @Nullable LocalDate from,
                                @QueryValue @Nullable LocalDate to, @QueryValue @Nullable String lang) {
        return HttpResponse.ok(cleanup.report(caller, caseId, from, to, SerpReport.language(lang)))
                .header("Content-Disposition", "inline; filename=\"search-progress.pdf\"");
    }

    @Post("/cleanup-actions")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createCleanupAction", summary = "Plan a cleanup action targeting URLs (specialists; lawyers: legal referrals)")
    ActionView create(Caller caller, @PathVariable UUID caseId, @Body @Valid ReputationRequests.NewAction request) {
        return cleanup.create(caller, caseId, request);
    }

    @Patch("/cleanup-actions/{actionId}")
    @Operation(operationId = "moveCleanupAction", summary = "Move an action: PLANNED → SUBMITTED → ACCEPTED | REJECTED → DONE")
    ActionView move(Caller caller, @PathVariable UUID caseId, @PathVariable UUID actionId,
                    @Body @Valid ReputationRequests.ActionMove request) {
        return cleanup.move(caller, caseId, actionId, request);
    }
}
