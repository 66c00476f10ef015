package io.taskforce.legal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the publication routes accept and answer. */
final class PublicationViews {

    private PublicationViews() {
    }

    @Serdeable
    record NewPublication(@NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
                          @NotNull Instant firstPublishedAt) {
    }

    @Serdeable
    record Qualify(@NotNull Qualification qualification) {
    }

    @Serdeable
    record NewRepublication(@NotNull Instant republishedAt, @Nullable @Size(max = 2000) String note) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RepublicationView(UUID id, Instant republishedAt, String note, Instant recordedAt) {
    }

    /** A hostile publication, its qualification, its republications and the clocks that run from it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PublicationView(UUID id, UUID caseId, String url, Instant firstPublishedAt,
                           @Nullable Qualification qualification, @Nullable Instant qualifiedAt,
                           @Nullable String qualifiedByName, List<RepublicationView> republications,
                           List<ClockViews.ClockView> clocks) {
    }
}
