package io.taskforce.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.web.Page;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The platform's own trail (tenants, invitations) and the verification of every chain: platform admins only. */
@Controller("/api/v1/platform/audit")
@Secured(Role.PLATFORM_ADMIN)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlatformAuditController {

    static final String JSON_LINES = "application/x-ndjson";
    static final MediaType JSON_LINES_TYPE = MediaType.of(JSON_LINES);

    private final AuditEventViews views;
    private final AuditVerification verification;
    private final Checkpoints checkpoints;
    private final AuditExport export;
    private final TenantTransactions transactions;
    private final CheckpointKeyRing keys;

    PlatformAuditController(AuditEventViews views, AuditVerification verification, Checkpoints checkpoints,
                            AuditExport export, TenantTransactions transactions, CheckpointKeyRing keys) {
        this.views = views;
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.export = export;
        this.transactions = transactions;
        this.keys = keys;
    }

    @Get
    @Operation(operationId = "listPlatformAudit", summary = "The platform trail, newest first")
    Page<AuditEventView> events(@QueryValue @Nullable Long before, @QueryValue @Nullable Integer limit) {
        return transactions.read(TenantTransactions.PLATFORM,
                () -> views.chainPage(TenantTransactions.PLATFORM, before, Page.limit(limit)));
    }

    @Get("/verification")
    @Operation(operationId = "verifyAllChains", summary = "Recompute every chain (platform and tenants) and check its signed checkpoints")
    Verifications verifyAll(Caller caller) {
        return new Verifications(Instant.now(), verification.verifyAll(caller));
    }

    @Post("/checkpoints")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "signCheckpoints", summary = "Sign the head of every chain that moved since its last checkpoint")
    Map<String, List<Checkpoint>> checkpointNow() {
        return Map.of("items", checkpoints.signAll());
    }

    @Get("/export")
    @Produces(JSON_LINES)
    @Operation(operationId = "exportPlatformAudit", summary = "The platform chain as JSON Lines, with hashes and checkpoints")
    HttpResponse<StreamedFile> exportPlatform(Caller caller) {
        return HttpResponse.ok(new StreamedFile(export.jsonLines(caller, TenantTransactions.PLATFORM, true), JSON_LINES_TYPE))
                .header("Content-Disposition", "attachment; filename=\"audit-platform.jsonl\"");
    }

    @Get("/public-key")
    @Produces("application/x-pem-file")
    @Operation(operationId = "checkpointPublicKey", summary = "The public keys that verify checkpoint signatures "
            + "(PEM, the current one first, then every other key that signed checkpoints, by key id)")
    String publicKey() {
        return keys.publicKeysPem();
    }

    @Serdeable
    record Verifications(Instant verifiedAt, List<ChainVerification> chains) {
    }
}
