package io.taskforce.reputation;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Rows of the reputation tables, as {@link SerpStore} reads and writes them. */
final class ReputationRecords {

    private ReputationRecords() {
    }

    record QueryRow(UUID id, UUID tenantId, UUID caseId, String query, String engine, String country, String language,
                    @Nullable LocalDate targetDate, Instant createdAt) {

        SerpCsv.QueryKey key() {
            return new SerpCsv.QueryKey(query, engine, country, language);
        }

        String locale() {
            return language + "-" + country;
        }
    }

    record SnapshotRow(UUID id, UUID queryId, LocalDate takenOn, String source) {
    }

    record ResultRow(UUID snapshotId, int position, String url, String domain, String title,
                     @Nullable Ownership ownership, @Nullable Tone tone) {

        SerpMetrics.Result forMetrics() {
            return new SerpMetrics.Result(position, ownership, tone);
        }
    }

    record Classification(@Nullable Ownership ownership, @Nullable Tone tone) {
    }

    record ActionRow(UUID id, UUID tenantId, UUID caseId, CleanupKind kind, String title, CleanupStatus status,
                     List<String> urls, String note, @Nullable LocalDate submittedOn, UUID createdBy, Instant createdAt,
                     Instant updatedAt) {
    }
}
