package io.taskforce.legal;

import io.micronaut.core.annotation.Nullable;

import java.util.UUID;

/**
 * Where evidence files are kept: PostgreSQL (the default) or S3-compatible object storage when
 * {@code taskforce.evidence.s3.enabled}. New files go where the configuration says; a row's {@code storage} column
 * records where its file went, and a download reads from there whatever the configuration says now.
 */
interface EvidenceFiles {

    /** A file being saved: where it belongs (tenant, case, evidence) and its bytes, already hashed and checked. */
    record NewFile(UUID tenantId, UUID caseId, UUID evidenceId, String contentType, byte[] bytes, String sha256) {
    }

    /** What the row's {@code storage} column says for files kept here. */
    String storage();

    /**
     * Before the row's transaction: keeps the bytes, never over an existing file. Answers the row's
     * {@code storage_key}, or null when the row's own transaction keeps them ({@link #attach}).
     */
    @Nullable
    String keep(NewFile file);

    /** Inside the row's transaction, right after the row is written. */
    void attach(NewFile file);

    /** The row's transaction failed: removes what {@link #keep} kept, so that no file is left without its row. */
    void discard(@Nullable String key);

    /** The bytes of a saved row (inside its tenant's transaction), or null when they are not where the row says. */
    @Nullable
    byte[] read(UUID tenantId, UUID evidenceId, @Nullable String key);
}
