package io.taskforce.audit;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.problem.ApiException;

import java.util.UUID;

/**
 * A tenant's chain for platform admins: its verification, and a redacted export (hashes, no changed values:
 * platform admins see no case content).
 */
@Controller("/api/v1/tenants/{tenantId}/audit")
@Secured(Role.PLATFORM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantAuditController {

    private final ChainDirectory chains;
    private final AuditVerification verification;
    private final AuditExport export;

    TenantAuditController(ChainDirectory chains, AuditVerification verification, AuditExport export) {
        this.chains = chains;
        this.verification = verification;
        this.export = export;
    }

    @Get("/verification")
    @Operation(operationId = "verifyTenantChain", summary = "Recompute the tenant's chain and check its signed checkpoints")
    ChainVerification verify(@PathVariable UUID tenantId, Caller caller) {
        var chain = chain(tenantId);
        return verification.verify(caller, chain.id(), chain.name());
    }

    @Get("/export")
    @Produces(PlatformAuditController.JSON_LINES)
    @Operation(operationId = "exportTenantChain", summary = "The tenant's chain as JSON Lines, redacted: hashes of the changes, not their values")
    HttpResponse<StreamedFile> exportChain(@PathVariable UUID tenantId, Caller caller) {
        var chain = chain(tenantId);
        return HttpResponse.ok(new StreamedFile(export.jsonLines(caller, chain.id(), false), PlatformAuditController.JSON_LINES_TYPE))
                .header("Content-Disposition", "attachment; filename=\"audit-" + chain.id() + ".jsonl\"");
    }

    private ChainDirectory.Chain chain(UUID tenantId) {
        return chains.tenantChain(tenantId).orElseThrow(() -> ApiException.notFound("Tenant"));
    }
}
