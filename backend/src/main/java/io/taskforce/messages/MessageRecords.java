package io.taskforce.messages;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** Rows of the message tables as {@link MessageStore} reads and writes them. */
final class MessageRecords {

    private MessageRecords() {
    }

    record MessageRow(UUID id, UUID tenantId, UUID caseId, MessageKind kind, MessageState state, int currentRevision,
                      @Nullable String templateId, UUID createdBy, Instant createdAt, Instant updatedAt,
                      @Nullable Instant publishedAt, @Nullable Instant withdrawnAt) {

        MessageRow moved(MessageState next, int revision, Instant at) {
            return new MessageRow(id, tenantId, caseId, kind, next, revision, templateId, createdBy, createdAt, at,
                    next == MessageState.PUBLISHED ? at : publishedAt,
                    next == MessageState.WITHDRAWN ? at : withdrawnAt);
        }
    }

    record RevisionRow(int number, MessageContent content, String sha256, UUID authorId, String authorName,
                       Instant createdAt, @Nullable String templateId) {
    }

    record ApprovalRow(int revision, String sha256, UUID lawyerId, String lawyerName, Instant at, @Nullable String templateId) {
    }

    record PublicationRow(int revision, String sha256, UUID publishedBy, Instant at) {
    }

    record ChangeRequestRow(int revision, UUID lawyerId, String lawyerName, String comment, Instant at) {
    }

    /** What the message's case says about who reviews and how fast. */
    record CaseFacts(String title, @Nullable Integer severity, @Nullable UUID legalLead, java.util.List<UUID> lawyers) {
    }
}
