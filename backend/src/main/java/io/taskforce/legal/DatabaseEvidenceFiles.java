package io.taskforce.legal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Evidence files in PostgreSQL ({@code legal_evidence_file}, insert-only, under row-level security): the default. */
@Singleton
class DatabaseEvidenceFiles implements EvidenceFiles {

    static final String STORAGE = "DATABASE";

    private final Sql sql;

    DatabaseEvidenceFiles(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String storage() {
        return STORAGE;
    }

    @Override
    public String keep(NewFile file) {
        // the file row refers to the evidence row, so it is written in the same transaction, after it
        return null;
    }

    @Override
    public void attach(NewFile file) {
        sql.update("insert into legal_evidence_file (tenant_id, evidence_id, case_id, content) values (?, ?, ?, ?)", ps -> {
            ps.setObject(1, file.tenantId());
            ps.setObject(2, file.evidenceId());
            ps.setObject(3, file.caseId());
            ps.setBytes(4, file.bytes());
        });
    }

    @Override
    public void discard(@Nullable String key) {
        // nothing outside the transaction: its rollback took the file with the row
    }

    @Override
    public byte[] read(UUID tenantId, UUID evidenceId, @Nullable String key) {
        return sql.one("select content from legal_evidence_file where tenant_id = ? and evidence_id = ?",
                Sql.params(tenantId, evidenceId), rs -> rs.getBytes(1)).orElse(null);
    }
}
