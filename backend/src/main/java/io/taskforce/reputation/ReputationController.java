package io.taskforce.reputation;

import io.taskforce.platform.web.UploadRoute;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
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
import io.taskforce.reputation.ReputationViews.ClassificationView;
import io.taskforce.reputation.ReputationViews.ImportView;
import io.taskforce.reputation.ReputationViews.MetricsView;
import io.taskforce.reputation.ReputationViews.QueryView;
import io.taskforce.reputation.ReputationViews.SnapshotView;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/cases/{caseId}")
@Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class ReputationController {

    private final ReputationService reputation;

    ReputationController(ReputationService reputation) {
        this.reputation = reputation;
    }

    @Get("/serp-queries")
    @Operation(operationId = "listSerpQueries", summary = "Tracked queries, each with its latest top 20 and position changes (team only)")
    List<QueryView> queries(Caller caller, @PathVariable UUID caseId) {
        return reputation.queries(caller, caseId);
    }

    @Post("/serp-queries")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createSerpQuery", summary = "Track a query (reputation specialists on the team)")
    QueryView createQuery(Caller caller, @PathVariable UUID caseId, @Body @Valid ReputationRequests.NewQuery request) {
        return reputation.createQuery(caller, caseId, request);
    }

    @Put("/serp-queries/{queryId}/target")
    @Operation(operationId = "setSerpQueryTarget", summary = "Set (or clear) the date page one should be clean by")
    QueryView target(Caller caller, @PathVariable UUID caseId, @PathVariable UUID queryId,
                     @Body @Valid ReputationRequests.Target request) {
        return reputation.setTarget(caller, caseId, queryId, request);
    }

    @Post("/serp-snapshots")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createSerpSnapshot", summary = "Record a query's top 20 on a date, typed in by hand")
    SnapshotView snapshot(Caller caller, @PathVariable UUID caseId, @Body @Valid ReputationRequests.NewSnapshot request) {
        return reputation.addSnapshot(caller, caseId, request);
    }

    @Put("/serp-classifications")
    @Operation(operationId = "classifySerpUrl", summary = "Classify a URL's ownership and tone for the case; later snapshots arrive classified")
    ClassificationView classify(Caller caller, @PathVariable UUID caseId, @Body @Valid ReputationRequests.Classify request) {
        return reputation.classify(caller, caseId, request);
    }

    @Post("/serp-imports")
    @UploadRoute
    @Consumes("text/csv")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "importSerpCsv",
            summary = "Import a position-tracking CSV export (keyword, position, url, title, date; optional engine, locale, ownership, tone); refused whole with its line")
    ImportView importCsv(Caller caller, @PathVariable UUID caseId, @Body String csv) {
        return reputation.importCsv(caller, caseId, csv);
    }

    @Get("/serp-metrics")
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST, Role.CLIENT})
    @Operation(operationId = "getSerpMetrics", summary = "Per query, the metrics of each snapshot over time (team and client)")
    MetricsView metrics(Caller caller, @PathVariable UUID caseId) {
        return reputation.metrics(caller, caseId);
    }
}
