package io.taskforce.legal;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.legal.RuleViews.DeadlinePreview;
import io.taskforce.legal.RuleViews.RuleView;
import jakarta.validation.Valid;

import java.util.List;

@Controller("/api/v1/legal")
@Secured({Role.LAWYER, Role.CONSULTANT, Role.REPUTATION_SPECIALIST, Role.PLATFORM_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
class RuleController {

    private final RuleService rules;

    RuleController(RuleService rules) {
        this.rules = rules;
    }

    @Get("/rules")
    @Operation(operationId = "listLegalRules", summary = "The deadline rules in their current versions, with their legal basis and counting convention")
    List<RuleView> list() {
        return rules.list();
    }

    @Get("/deadline-preview")
    @Operation(operationId = "previewDeadline", summary = "The deadline calculator: the last day, the exact end instant (UTC), the legal basis and whether the last day is a weekend day or a public holiday, for a rule and a trigger (ISO-8601 local date or date-time, Europe/Paris); creates nothing")
    DeadlinePreview preview(@QueryValue String rule, @QueryValue String trigger) {
        return rules.preview(rule, trigger);
    }

    @Put("/rules/{id}")
    @Secured(Role.PLATFORM_ADMIN)
    @Operation(operationId = "updateLegalRule", summary = "Edit a rule (platform admins): makes its next version, audited in the platform chain; running clocks keep theirs")
    RuleView update(Caller caller, @PathVariable String id, @Body @Valid RuleEdit edit) {
        return rules.update(caller, id, edit);
    }
}
