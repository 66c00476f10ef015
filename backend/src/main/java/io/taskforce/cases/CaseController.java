package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.taskforce.audit.AuditEventView;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.web.Page;
import jakarta.validation.Valid;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Controller("/api/v1/cases")
@Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class CaseController {

    private final CaseService cases;
    private final TriageService triage;

    CaseController(CaseService cases, TriageService triage) {
        this.cases = cases;
        this.triage = triage;
    }

    @Post
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST, Role.CLIENT})
    @Operation(operationId = "reportIncident", summary = "Report an incident: it becomes a NEW case (staff name the company, a client reports for their own)")
    @ApiResponse(responseCode = "201", description = "the case as the reporter sees it",
            content = @Content(schema = @Schema(oneOf = {CaseView.class, ClientCaseView.class})))
    HttpResponse<Object> report(Caller caller, @Body @Valid CaseRequests.NewCase request) {
        return HttpResponse.created(cases.report(caller, request));
    }

    @Get
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST, Role.CLIENT})
    @Operation(operationId = "listMyCases", summary = "The caller's cases, newest first: staff their teams' cases, a client their company's")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {CaseSummaryPage.class, ClientCasePage.class})))
    Page<?> list(Caller caller, @QueryValue @Nullable String after, @QueryValue @Nullable Integer limit) {
        return CaseAccess.isStaff(caller) ? cases.mine(caller, after, Page.limit(limit))
                : cases.ofClient(caller, after, Page.limit(limit));
    }

    @Get("/intake")
    @Operation(operationId = "listIntake", summary = "The intake queue: NEW cases of every company, oldest first, triage fields only")
    Page<IntakeItem> intake(Caller caller, @QueryValue @Nullable String after, @QueryValue @Nullable Integer limit) {
        return cases.intake(caller, after, Page.limit(limit));
    }

    @Get("/summary")
    @Operation(operationId = "casesSummary", summary = "The staff home's counts: my cases by severity and status, the intake queue's length")
    CasesSummary summary(Caller caller) {
        return cases.summary(caller);
    }

    @Get("/{id}")
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST, Role.CLIENT})
    @Operation(operationId = "getCase", summary = "A case: the staff view for its team (and any staff while NEW), the portal view for its client")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(oneOf = {CaseView.class, ClientCaseView.class})))
    Object get(Caller caller, @PathVariable UUID id) {
        return cases.get(caller, id);
    }

    @Get("/{id}/triage-proposal")
    @Secured(Role.CONSULTANT)
    @Operation(operationId = "proposeTriage", summary = "What the routing rules propose; crisisTypes and kinetics given here replace the case's")
    TriageProposal proposal(Caller caller, @PathVariable UUID id, @QueryValue @Nullable List<CrisisType> crisisTypes,
                            @QueryValue @Nullable Kinetics kinetics, @QueryValue @Nullable String lang,
                            @Header("Accept-Language") @Nullable String acceptLanguage) {
        return triage.propose(caller, id, crisisTypes, kinetics, language(lang, acceptLanguage));
    }

    @Post("/{id}/triage")
    @Secured(Role.CONSULTANT)
    @Operation(operationId = "triageCase", summary = "Confirm the triage as adjusted: fields, workstreams (lead first), clocks, first-hour tasks")
    CaseView triage(Caller caller, @PathVariable UUID id, @Body @Valid TriageProposal request) {
        return triage.confirm(caller, id, request);
    }

    @Post("/{id}/status")
    @Secured(Role.CONSULTANT)
    @Operation(operationId = "changeCaseStatus", summary = "Move the case on (activate, monitor, close, reopen); guards answer 409 with the reason")
    CaseView status(Caller caller, @PathVariable UUID id, @Body @Valid CaseRequests.StatusChange request) {
        return cases.changeStatus(caller, id, request);
    }

    @Patch("/{id}/workstreams/{workstream}")
    @Operation(operationId = "changeWorkstreamStatus", summary = "Set a workstream's status (consultants, or that workstream's members)")
    CaseView workstream(Caller caller, @PathVariable UUID id, @PathVariable Workstream workstream,
                        @Body @Valid CaseRequests.WorkstreamChange request) {
        return cases.changeWorkstream(caller, id, workstream, request);
    }

    @Get("/{id}/audit")
    @Operation(operationId = "caseAuditTrail", summary = "The case's audit trail, newest first (the team only)")
    Page<AuditEventView> audit(Caller caller, @PathVariable UUID id, @QueryValue @Nullable Long before,
                               @QueryValue @Nullable Integer limit) {
        return cases.audit(caller, id, before, Page.limit(limit));
    }

    private static String language(@Nullable String lang, @Nullable String acceptLanguage) {
        String wanted = lang != null ? lang : acceptLanguage != null ? acceptLanguage : "fr";
        return wanted.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "fr";
    }

    /** Names for the two shapes of the case list in the OpenAPI document. */
    @Schema(name = "CaseSummaryPage")
    record CaseSummaryPage(List<CaseSummary> items, @Nullable String next) {
    }

    @Schema(name = "ClientCasePage")
    record ClientCasePage(List<ClientCaseView> items, @Nullable String next) {
    }
}
