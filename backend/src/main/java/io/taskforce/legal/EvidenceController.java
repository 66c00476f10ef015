package io.taskforce.legal;

import io.taskforce.platform.web.UploadRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.legal.EvidenceService.EvidenceView;
import io.taskforce.platform.problem.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Secured({Role.LAWYER, Role.CONSULTANT, Role.REPUTATION_SPECIALIST})
@ExecuteOn(TaskExecutors.BLOCKING)
class EvidenceController {

    private final EvidenceService evidence;

    EvidenceController(EvidenceService evidence) {
        this.evidence = evidence;
    }

    @Get("/cases/{caseId}/evidence")
    @Operation(operationId = "listEvidence", summary = "The case's evidence: URL, capture time, file, SHA-256, who captured it")
    List<EvidenceView> list(Caller caller, @PathVariable UUID caseId) {
        return evidence.list(caller, caseId);
    }

    @Post(value = "/cases/{caseId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA)
    @UploadRoute
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "saveEvidence", summary = "A lawyer or reputation specialist saves a capture (multipart: url, capturedAt, file); immutable once saved")
    EvidenceView save(Caller caller, @PathVariable UUID caseId, @Part("url") @Nullable String url,
                      @Part("capturedAt") @Nullable String capturedAt, @Part("file") @Nullable CompletedFileUpload file) {
        if (file == null) {
            throw ApiException.badRequest("file: attach the capture.");
        }
        try {
            return evidence.save(caller, caseId, url, capturedAt, new EvidenceService.Upload(file.getFilename(),
                    file.getContentType().map(MediaType::toString).orElse(null), file.getBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/evidence/{id}/file", produces = MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "downloadEvidence", summary = "The capture's file, with its SHA-256 in the X-Content-SHA256 header; every download is audited")
    HttpResponse<byte[]> download(Caller caller, @PathVariable UUID id) {
        var file = evidence.download(caller, id);
        return HttpResponse.ok(file.bytes()).contentType(file.contentType())
                .header("X-Content-SHA256", file.sha256())
                .header("Content-Disposition", disposition(file.fileName()));
    }

    /** An ASCII name for every client, and the exact UTF-8 name for those that read it (RFC 6266). */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
