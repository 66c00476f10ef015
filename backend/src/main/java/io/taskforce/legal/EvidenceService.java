package io.taskforce.legal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.taskforce.audit.AuditEntry;
import io.taskforce.audit.AuditTrail;
import io.taskforce.audit.Changes;
import io.taskforce.cases.CaseAccess;
import io.taskforce.cases.CaseScope;
import io.taskforce.identity.Caller;
import io.taskforce.identity.Role;
import io.taskforce.platform.problem.ApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence: captures of hostile content for court. Lawyers and reputation specialists on the team save them; the whole
 * team reads and downloads them; clients never. Saved once and never changed (the application may only insert); the
 * SHA-256 is computed here from the bytes received and given with every download, each of which is audited. The file
 * is kept in PostgreSQL by default, or in S3-compatible object storage when configured ({@link EvidenceFiles}); every
 * download re-checks the hash and refuses, audited and logged, a file that no longer matches.
 */
@Singleton
class EvidenceService {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceService.class);

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EvidenceView(UUID id, UUID caseId, String url, Instant capturedAt, String fileName, String contentType,
                        long sizeBytes, String sha256, UUID capturedBy, @Nullable String capturedByName, Instant createdAt) {
    }

    /** A file as received: its name, declared type and bytes. */
    record Upload(String fileName, @Nullable String contentType, byte[] bytes) {
    }

    /** A file to download, with its hash. */
    record Download(String fileName, String contentType, String sha256, byte[] bytes) {
    }

    private static final String EVIDENCE = """
            select e.id, e.case_id, e.url, e.captured_at, e.file_name, e.content_type, e.size_bytes, e.sha256, e.captured_by,
                   coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.username) as captured_by_name,
                   e.created_at
            from legal_evidence e join user_account u on u.id = e.captured_by""";

    private final CaseAccess access;
    private final Sql sql;
    private final AuditTrail audit;
    private final LegalSettings settings;
    private final DatabaseEvidenceFiles database;
    @Nullable
    private final S3EvidenceFiles s3;
    /** Where new files go: object storage when configured, else PostgreSQL. */
    private final EvidenceFiles files;

    EvidenceService(CaseAccess access, Sql sql, AuditTrail audit, LegalSettings settings, DatabaseEvidenceFiles database,
                    @Nullable S3EvidenceFiles s3) {
        this.access = access;
        this.sql = sql;
        this.audit = audit;
        this.settings = settings;
        this.database = database;
        this.s3 = s3;
        this.files = s3 != null ? s3 : database;
    }

    List<EvidenceView> list(Caller caller, UUID caseId) {
        return access.read(caller, caseId, scope -> {
            scope.requireTeam();
            return sql.many(EVIDENCE + " where e.tenant_id = ? and e.case_id = ? order by e.captured_at desc, e.id",
                    Sql.params(scope.tenantId(), caseId), EvidenceService::evidence);
        });
    }

    EvidenceView save(Caller caller, UUID caseId, String url, String capturedAt, Upload file) {
        String u = url == null ? "" : url.strip();
        if (!u.matches("https?://\\S+") || u.length() > 2000) {
            throw ApiException.badRequest("url: the captured page's http(s) URL.");
        }
        Instant captured;
        try {
            captured = Instant.parse(capturedAt == null ? "" : capturedAt.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("capturedAt: an ISO-8601 instant (2026-03-10T14:05:00Z).");
        }
        if (captured.isAfter(Instant.now())) {
            throw ApiException.badRequest("capturedAt: a capture cannot be in the future.");
        }
        if (file.bytes().length == 0) {
            throw ApiException.badRequest("file: the file is empty.");
        }
        if (file.bytes().length > settings.evidenceMaxBytes()) {
            throw ApiException.badRequest("file: " + file.bytes().length + " bytes; evidence files may be up to "
                    + settings.evidenceMaxBytes() + " bytes.");
        }
        String type = file.contentType() == null ? "" : file.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!settings.evidenceTypes().contains(type)) {
            throw ApiException.badRequest("file: type '" + type + "' is not accepted; accepted: "
                    + String.join(", ", settings.evidenceTypes()) + ".");
        }
        String name = fileName(file.fileName());
        String sha256 = sha256(file.bytes());
        // the tenant first, and the caller's right to save here, so that nothing is kept for a caller who may not
        UUID tenantId = access.read(caller, caseId, scope -> {
            requireWriter(caller, scope);
            return scope.tenantId();
        });
        var stored = new EvidenceFiles.NewFile(tenantId, caseId, UUID.randomUUID(), type, file.bytes(), sha256);
        String key = files.keep(stored);
        try {
            return access.write(caller, caseId, scope -> {
                requireWriter(caller, scope);
                var id = stored.evidenceId();
                var now = ClockService.now();
                sql.update("""
                        insert into legal_evidence (id, tenant_id, case_id, url, captured_at, file_name, content_type, size_bytes,
                            sha256, storage, storage_key, captured_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
                    ps.setObject(1, id);
                    ps.setObject(2, scope.tenantId());
                    ps.setObject(3, caseId);
                    ps.setString(4, u);
                    ps.setTimestamp(5, Sql.ts(captured));
                    ps.setString(6, name);
                    ps.setString(7, type);
                    ps.setLong(8, file.bytes().length);
                    ps.setString(9, sha256);
                    ps.setString(10, files.storage());
                    ps.setString(11, key);
                    ps.setObject(12, caller.userId());
                    ps.setTimestamp(13, Sql.ts(now));
                });
                files.attach(stored);
                audit.record(caller, AuditEntry.ofCase(caseId, "legal_evidence.saved", "legal_evidence", id, Changes.of()
                        .set("url", u).set("capturedAt", captured).set("fileName", name).set("sizeBytes", (long) file.bytes().length)
                        .set("sha256", sha256).set("storage", files.storage())));
                return find(scope.tenantId(), id).orElseThrow();
            });
        } catch (RuntimeException e) {
            // a commit whose answer was lost may still have saved the row: delete its file only when sure it did not
            if (key != null && !rowMayExist(caller, caseId, stored.evidenceId())) {
                files.discard(key);
            }
            throw e;
        }
    }

    private boolean rowMayExist(Caller caller, UUID caseId, UUID evidenceId) {
        try {
            return access.read(caller, caseId, scope -> sql.one("select 1 from legal_evidence where tenant_id = ? and id = ?",
                    Sql.params(scope.tenantId(), evidenceId), rs -> rs.getInt(1)).isPresent());
        } catch (RuntimeException unknown) {
            // cannot tell: keep the object (one that no row names is never served)
            return true;
        }
    }

    Download download(Caller caller, UUID evidenceId) {
        UUID caseId = access.readAcross(caller, () -> sql.caseOf("legal_evidence", evidenceId))
                .orElseThrow(() -> ApiException.notFound("Evidence"));
        var outcome = access.write(caller, caseId, scope -> {
            scope.requireTeam();
            var e = find(scope.tenantId(), evidenceId).orElseThrow(() -> ApiException.notFound("Evidence"));
            var where = sql.one("select storage, storage_key from legal_evidence where tenant_id = ? and id = ?",
                    Sql.params(scope.tenantId(), evidenceId), rs -> new String[] {rs.getString(1), rs.getString(2)}).orElseThrow();
            byte[] bytes = filesOf(where[0]).read(scope.tenantId(), evidenceId, where[1]);
            String found = bytes == null ? "missing" : sha256(bytes);
            if (!found.equals(e.sha256())) {
                // never hand out as evidence bytes that no longer hash to what was recorded; the refusal is kept
                LOG.error("Evidence {} of case {} refused: its file in {} ({}) hashes to {}, recorded {}", evidenceId, caseId,
                        where[0], where[1], found, e.sha256());
                audit.record(caller, AuditEntry.ofCase(caseId, "legal_evidence.integrity_failed", "legal_evidence", evidenceId,
                        Changes.of().set("sha256", e.sha256()).set("found", found).set("storage", where[0])));
                return null;
            }
            audit.record(caller, AuditEntry.ofCase(caseId, "legal_evidence.downloaded", "legal_evidence", evidenceId,
                    Changes.of().set("sha256", e.sha256())));
            return new Download(e.fileName(), e.contentType(), e.sha256(), bytes);
        });
        if (outcome == null) {
            throw ApiException.conflict("The stored file of this evidence does not match its SHA-256; it is not served.");
        }
        return outcome;
    }

    private Optional<EvidenceView> find(UUID tenantId, UUID evidenceId) {
        return sql.one(EVIDENCE + " where e.tenant_id = ? and e.id = ?", Sql.params(tenantId, evidenceId), EvidenceService::evidence);
    }

    /** Where a saved row's file is: the row says, whatever the configuration says now. */
    private EvidenceFiles filesOf(String storage) {
        if (storage.equals(database.storage())) {
            return database;
        }
        if (s3 != null && storage.equals(s3.storage())) {
            return s3;
        }
        throw ApiException.unavailable("This evidence's file is in object storage, which is not configured here.");
    }

    private static void requireWriter(Caller caller, CaseScope scope) {
        scope.requireTeam();
        if (!caller.user().hasRole(Role.LAWYER) && !caller.user().hasRole(Role.REPUTATION_SPECIALIST)) {
            throw ApiException.forbidden("Lawyers and reputation specialists on the team save evidence.");
        }
    }

    /** The file's own name, without any path, and only characters safe in a header. */
    static String fileName(String raw) {
        String base = raw == null ? "" : raw.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
        return base.isEmpty() ? "capture" : base.length() > 255 ? base.substring(0, 255) : base;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EvidenceView evidence(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EvidenceView(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("url"),
                Sql.instant(rs, "captured_at"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getObject("captured_by", UUID.class),
                rs.getString("captured_by_name"), Sql.instant(rs, "created_at"));
    }
}
