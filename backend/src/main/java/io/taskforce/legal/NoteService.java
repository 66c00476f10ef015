package io.taskforce.legal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.identity.Caller;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Privileged notes: lawyers on the case's team only (row-level security says so too), written once. Every read writes
 * an audit event in the read's own transaction, naming the notes read; the events never carry a note's words, since
 * the case's audit trail is open to the whole team.
 */
@Singleton
class NoteService {

    @Serdeable
    record NewNote(@NotBlank @Size(max = 20000) String body) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NoteView(UUID id, UUID caseId, String body, UUID authorId, @Nullable String authorName, Instant createdAt) {
    }

    private static final String NOTE = """
            select n.id, n.case_id, n.body, n.author_id,
                   coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username) as author_name, n.created_at
            from legal_note n join user_account u on u.id = n.author_id""";

    private final CaseAccess access;
    private final Sql sql;
    private final AuditTrail audit;

    NoteService(CaseAccess access, Sql sql, AuditTrail audit) {
        this.access = access;
        this.sql = sql;
        this.audit = audit;
    }

    List<NoteView> list(Caller caller, UUID caseId) {
        // a write transaction: the read is audited with it
        return access.write(caller, caseId, scope -> {
            ClockService.requireLawyer(caller, scope);
            var notes = sql.many(NOTE + " where n.tenant_id = ? and n.case_id = ? order by n.created_at desc, n.id",
                    Sql.params(scope.tenantId(), caseId), NoteService::note);
            audit.record(caller, AuditEntry.ofCase(caseId, "legal_note.read", "legal_note", caseId, Changes.of()
                    .set("notes", notes.stream().map(n -> n.id().toString()).toList())));
            return notes;
        });
    }

    NoteView get(Caller caller, UUID noteId) {
        UUID caseId = access.readAcross(caller, () -> sql.caseOf("legal_note", noteId))
                .orElseThrow(() -> ApiException.notFound("Note"));
        return access.write(caller, caseId, scope -> {
            ClockService.requireLawyer(caller, scope);
            var note = find(scope.tenantId(), noteId).orElseThrow(() -> ApiException.notFound("Note"));
            audit.record(caller, AuditEntry.ofCase(caseId, "legal_note.read", "legal_note", noteId, Changes.of()
                    .set("notes", List.of(noteId.toString()))));
            return note;
        });
    }

    NoteView create(Caller caller, UUID caseId, NewNote request) {
        return access.write(caller, caseId, scope -> {
            ClockService.requireLawyer(caller, scope);
            var id = UUID.randomUUID();
            var now = ClockService.now();
            String body = request.body().strip();
            sql.update("insert into legal_note (id, tenant_id, case_id, body, author_id, created_at) values (?, ?, ?, ?, ?, ?)", ps -> {
                ps.setObject(1, id);
                ps.setObject(2, scope.tenantId());
                ps.setObject(3, caseId);
                ps.setString(4, body);
                ps.setObject(5, caller.userId());
                ps.setTimestamp(6, Sql.ts(now));
            });
            // the length, never the words: the case's audit trail is read by the whole team
            audit.record(caller, AuditEntry.ofCase(caseId, "legal_note.created", "legal_note", id, Changes.of()
                    .set("length", body.length())));
            return find(scope.tenantId(), id).orElseThrow();
        });
    }

    private Optional<NoteView> find(UUID tenantId, UUID noteId) {
        return sql.one(NOTE + " where n.tenant_id = ? and n.id = ?", Sql.params(tenantId, noteId), NoteService::note);
    }

    private static NoteView note(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new NoteView(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("body"),
                rs.getObject("author_id", UUID.class), rs.getString("author_name"), Sql.instant(rs, "created_at"));
    }
}
