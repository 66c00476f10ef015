package io.taskforce.messages;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What clients of the API send to the messages routes. */
final class MessageRequests {

    private MessageRequests() {
    }

    /** A new message: its first revision. */
    @Serdeable
    record Draft(@NotNull MessageKind kind, @NotBlank @Size(max = 300) String title, @NotNull @Size(max = 20000) String body,
                 @NotNull @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
                 @NotEmpty List<@NotNull Channel> channels, @NotNull List<@NotNull Audience> audience) {

        MessageContent content() {
            return new MessageContent(title.strip(), body.strip(), channels, audience, language);
        }
    }

    /** New words for a message, written over the revision the author was looking at. */
    @Serdeable
    record Edit(@NotNull MessageKind kind, @NotBlank @Size(max = 300) String title, @NotNull @Size(max = 20000) String body,
                @NotNull @Pattern(regexp = "fr|en", message = "must be fr or en") String language,
                @NotEmpty List<@NotNull Channel> channels, @NotNull List<@NotNull Audience> audience,
                @NotNull @Positive Integer baseRevision) {

        MessageContent content() {
            return new MessageContent(title.strip(), body.strip(), channels, audience, language);
        }
    }

    @Serdeable
    record RevisionRef(@NotNull @Positive Integer revision) {
    }

    /** A revision named with the hash of its words: what approval and publication require. */
    @Serdeable
    record SignedRevision(@NotNull @Positive Integer revision,
                          @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be the 64 hex digits of a SHA-256") String sha256) {
    }

    @Serdeable
    record ChangeRequest(@NotNull @Positive Integer revision, @NotBlank @Size(max = 4000) String comment) {
    }

    /** A message filled in from a pre-approved template. */
    @Serdeable
    record FromTemplate(@NotBlank String templateId, @NotNull @Valid TemplateFills fills,
                        @NotEmpty List<@NotNull Channel> channels, @NotNull List<@NotNull Audience> audience) {
    }

    /** A template's approval, naming the words the lawyer read. */
    @Serdeable
    record TemplateApproval(@NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be the 64 hex digits of a SHA-256") String sha256) {
    }
}
