package io.taskforce.engagement;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.taskforce.cases.Workstream;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a case's running log. Automatic entries carry {@code event} and {@code params} so that each reader
 * sees them in their own language; {@code text} is the same in the tenant's language (what search and the report use).
 * {@code messageId} names a published message the entry links (a rumour's response, a statement), {@code messageTitle}
 * the title it was published under.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LogEntryView(UUID id, UUID caseId, Instant occurredAt, Instant recordedAt, UUID authorId, String authorName,
                           LogKind kind, @Nullable Workstream workstream, String text, List<String> links,
                           @Nullable UUID taskId, @JsonProperty("public") boolean isPublic, boolean automatic,
                           @Nullable String event, Map<String, String> params, @Nullable UUID messageId,
                           @Nullable String messageTitle) {

    LogEntryView withMessageTitle(@Nullable String title) {
        return new LogEntryView(id, caseId, occurredAt, recordedAt, authorId, authorName, kind, workstream, text, links,
                taskId, isPublic, automatic, event, params, messageId, title);
    }
}
