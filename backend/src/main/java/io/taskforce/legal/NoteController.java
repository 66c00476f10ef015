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
import io.taskforce.legal.NoteService.NoteView;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** Privileged notes: lawyers only (any other role answers 403; a lawyer off the team, 404). */
@Controller("/api/v1")
@Secured(Role.LAWYER)
@ExecuteOn(TaskExecutors.BLOCKING)
class NoteController {

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    @Get("/cases/{caseId}/privileged-notes")
    @Operation(operationId = "listPrivilegedNotes", summary = "The case's privileged notes (lawyers on the team; the read is audited)")
    List<NoteView> list(Caller caller, @PathVariable UUID caseId) {
        return notes.list(caller, caseId);
    }

    @Post("/cases/{caseId}/privileged-notes")
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createPrivilegedNote", summary = "A lawyer on the team writes a privileged note")
    NoteView create(Caller caller, @PathVariable UUID caseId, @Body @Valid NoteService.NewNote request) {
        return notes.create(caller, caseId, request);
    }

    @Get("/privileged-notes/{id}")
    @Operation(operationId = "getPrivilegedNote", summary = "One privileged note (lawyers on the team; the read is audited)")
    NoteView get(Caller caller, @PathVariable UUID id) {
        return notes.get(caller, id);
    }
}
