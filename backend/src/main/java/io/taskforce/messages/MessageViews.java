package io.taskforce.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.taskforce.messages.MessageRecords.ApprovalRow;
import io.taskforce.messages.MessageRecords.ChangeRequestRow;
import io.taskforce.messages.MessageRecords.MessageRow;
import io.taskforce.messages.MessageRecords.PublicationRow;
import io.taskforce.messages.MessageRecords.RevisionRow;
import io.taskforce.messages.check.CheckWarning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the messages routes answer. */
final class MessageViews {

    private MessageViews() {
    }

    /** A message as its team sees it: state, current revision, and the record of reviews and publications. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageView(UUID id, UUID caseId, MessageKind kind, MessageState state, @Nullable String templateId,
                       RevisionSummary currentRevision, String title, String language, List<Channel> channels,
                       List<Audience> audience, List<ApprovalView> approvals, List<PublicationView> publications,
                       List<ChangeRequestView> changeRequests, List<RevisionSummary> revisions, Instant createdAt,
                       Instant updatedAt, @Nullable Instant publishedAt, @Nullable Instant withdrawnAt) {

        static MessageView of(MessageRow m, List<RevisionRow> revisions, List<ApprovalRow> approvals,
                              List<PublicationRow> publications, List<ChangeRequestRow> changes) {
            var current = revisions.stream().filter(r -> r.number() == m.currentRevision()).findFirst().orElseThrow();
            return new MessageView(m.id(), m.caseId(), m.kind(), m.state(), m.templateId(), RevisionSummary.of(current),
                    current.content().title(), current.content().language(), current.content().channels(),
                    current.content().audience(), approvals.stream().map(ApprovalView::of).toList(),
                    publications.stream().map(p -> new PublicationView(p.revision(), p.sha256(), p.at())).toList(),
                    changes.stream().map(c -> new ChangeRequestView(c.revision(), c.lawyerId(), c.lawyerName(), c.comment(), c.at())).toList(),
                    revisions.stream().map(RevisionSummary::of).toList(), m.createdAt(), m.updatedAt(), m.publishedAt(),
                    m.withdrawnAt());
        }
    }

    @Serdeable
    record RevisionSummary(int number, String sha256, UUID authorId, String authorName, Instant createdAt) {
        static RevisionSummary of(RevisionRow r) {
            return new RevisionSummary(r.number(), r.sha256(), r.authorId(), r.authorName(), r.createdAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ApprovalView(int revision, String sha256, UUID lawyerId, String lawyerName, Instant at, @Nullable String templateId) {
        static ApprovalView of(ApprovalRow a) {
            return new ApprovalView(a.revision(), a.sha256(), a.lawyerId(), a.lawyerName(), a.at(), a.templateId());
        }
    }

    @Serdeable
    record PublicationView(int revision, String sha256, Instant at) {
    }

    @Serdeable
    record ChangeRequestView(int revision, UUID lawyerId, String lawyerName, String comment, Instant at) {
    }

    /** The exact words of one revision, with what the message check says of them. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RevisionView(int number, String title, String body, List<Channel> channels, List<Audience> audience,
                        String language, UUID authorId, String authorName, String sha256, Instant createdAt,
                        @Nullable String templateId, List<CheckWarning> warnings) {
    }

    /** A published message as the client sees it: the frozen words of its last publication. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PublishedMessageView(UUID id, MessageKind kind, MessageState state, int revision, String sha256, String title,
                                String body, List<Channel> channels, List<Audience> audience, String language,
                                Instant publishedAt, @Nullable Instant withdrawnAt) {
    }

    /** A pre-approved template and whether a lawyer's approval covers its current words. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TemplateView(String id, String crisisType, MessageKind kind, String language, String title, String body,
                        String sha256, boolean approved, @Nullable UUID approvedBy, @Nullable String approvedByName,
                        @Nullable Instant approvedAt) {
    }
}
