package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
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
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** The stakeholder map: the team reads it, consultants write it (the crisis method is theirs, DESIGN §2). */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class StakeholderController {

    private final StakeholderService stakeholders;

    StakeholderController(StakeholderService stakeholders) {
        this.stakeholders = stakeholders;
    }

    @Get("/cases/{caseId}/stakeholders")
    @Secured({Role.CONSULTANT, Role.LAWYER, Role.REPUTATION_SPECIALIST})
    @Operation(operationId = "listStakeholders",
            summary = "The case's stakeholders, highest power first; notInformed=true for those not informed yet")
    List<StakeholderView> list(Caller caller, @PathVariable UUID caseId, @QueryValue @Nullable Boolean notInformed) {
        return stakeholders.list(caller, caseId, Boolean.TRUE.equals(notInformed));
    }

    @Post("/cases/{caseId}/stakeholders")
    @Status(HttpStatus.CREATED)
    @Secured(Role.CONSULTANT)
    @Operation(operationId = "addStakeholder", summary = "Place a stakeholder on the case's power/interest grid")
    StakeholderView add(Caller caller, @PathVariable UUID caseId, @Body @Valid StakeholderRequests.NewStakeholder request) {
        return stakeholders.create(caller, caseId, request);
    }

    @Patch("/stakeholders/{id}")
    @Secured(Role.CONSULTANT)
    @Operation(operationId = "changeStakeholder",
            summary = "Change a stakeholder: its place, owner, channel; mark it informed; keep a triage proposal")
    StakeholderView change(Caller caller, @PathVariable UUID id, @Body @Valid StakeholderRequests.Change change) {
        return stakeholders.change(caller, id, change);
    }

    @Delete("/stakeholders/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @Secured(Role.CONSULTANT)
    @Operation(operationId = "removeStakeholder", summary = "Drop a stakeholder (a triage proposal not kept)")
    void remove(Caller caller, @PathVariable UUID id) {
        stakeholders.remove(caller, id);
    }
}
