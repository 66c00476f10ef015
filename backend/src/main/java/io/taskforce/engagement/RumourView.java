package io.taskforce.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A rumour of a case, its response (a running-log entry, and the published message it names if any) and its
 * time-to-debunk in minutes once debunked.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RumourView(UUID id, UUID caseId, String claim, @Nullable String sourceUrl, Instant firstSeenAt,
                         @Nullable Integer reach, RumourStatus status, @Nullable Instant resolvedAt,
                         @Nullable UUID resolvedBy, @Nullable UUID responseEntryId, @Nullable String responseText,
                         @Nullable Long minutesToDebunk, UUID createdBy, Instant createdAt,
                         @Nullable UUID messageId, @Nullable String messageTitle) {

    RumourView withMessageTitle(@Nullable String title) {
        return new RumourView(id, caseId, claim, sourceUrl, firstSeenAt, reach, status, resolvedAt, resolvedBy,
                responseEntryId, responseText, minutesToDebunk, createdBy, createdAt, messageId, title);
    }
}
