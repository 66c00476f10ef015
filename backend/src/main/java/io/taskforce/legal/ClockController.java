package io.taskforce.legal;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.legal.ClockViews.ClockBoard;
import io.taskforce.legal.ClockViews.ClockView;
import io.taskforce.legal.PublicationViews.PublicationView;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Secured({Role.LAWYER, Role.CONSULTANT, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class ClockController {

    private final ClockService clocks;
    private final PublicationService publications;

    ClockController(ClockService clocks, PublicationService publications) {
        this.clocks = clocks;
        this.publications = publications;
    }

    @Get("/cases/{caseId}/clocks")
    @Operation(operationId = "listClocks", summary = "The case's clocks (time left, rule version and basis, state, who answers for it) and triage's proposals")
    ClockBoard board(Caller caller, @PathVariable UUID caseId) {
        return clocks.board(caller, caseId);
    }

    @Get("/cases/{caseId}/legal-status")
    @Secured({Role.LAWYER, Role.CONSULTANT, Role.REPUTATION_SPECIALIST, Role.CLIENT})
    @Operation(operationId = "legalStatus", summary = "What the client sees of the legal workstream: clocks' names, last days and states; actions' kinds and states")
    LegalStatus status(Caller caller, @PathVariable UUID caseId) {
        return clocks.status(caller, caseId);
    }

    @Post("/cases/{caseId}/clocks")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "startClock", summary = "A lawyer starts a clock (confirms triage's proposal or adds one); press and denigration clocks start from a qualified publication instead")
    ClockView start(Caller caller, @PathVariable UUID caseId, @Body @Valid ClockRequests.StartClock request) {
        return clocks.start(caller, caseId, request);
    }

    @Post("/clocks/{id}/close")
    @Operation(operationId = "closeClock", summary = "A lawyer records a clock as acted upon, or waives it with a reason")
    ClockView close(Caller caller, @PathVariable UUID id, @Body @Valid ClockRequests.CloseClock request) {
        return clocks.close(caller, id, request);
    }

    @Get("/cases/{caseId}/publications")
    @Operation(operationId = "listPublications", summary = "The case's hostile publications, their qualification, republications and clocks")
    List<PublicationView> publications(Caller caller, @PathVariable UUID caseId) {
        return publications.list(caller, caseId);
    }

    @Post("/cases/{caseId}/publications")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "recordPublication", summary = "A lawyer records a hostile publication (URL, first online posting)")
    PublicationView record(Caller caller, @PathVariable UUID caseId, @Body @Valid PublicationViews.NewPublication request) {
        return publications.record(caller, caseId, request);
    }

    @Post("/publications/{id}/qualification")
    @Operation(operationId = "qualifyPublication", summary = "A lawyer qualifies a publication; the qualification picks the clocks that start from it")
    PublicationView qualify(Caller caller, @PathVariable UUID id, @Body @Valid PublicationViews.Qualify request) {
        return publications.qualify(caller, id, request.qualification());
    }

    @Post("/publications/{id}/republications")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "recordRepublication", summary = "A lawyer records a republication, which starts a new period for the publication")
    PublicationView republish(Caller caller, @PathVariable UUID id, @Body @Valid PublicationViews.NewRepublication request) {
        return publications.republish(caller, id, request);
    }
}
