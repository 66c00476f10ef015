package io.taskforce.reputation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What clients of the API send to the reputation routes. */
final class ReputationRequests {

    private ReputationRequests() {
    }

    @Serdeable
    record NewQuery(@NotBlank @Size(max = 300) String query,
                    @Nullable @Pattern(regexp = "[a-z0-9_.-]{1,40}", message = "must be an engine name such as google") String engine,
                    @Nullable @Pattern(regexp = "[a-z]{2}-[A-Z]{2}", message = "must be a language and country such as fr-FR") String locale,
                    @Nullable LocalDate targetDate) {
    }

    @Serdeable
    record Target(@Nullable LocalDate targetDate) {
    }

    @Serdeable
    record NewResult(@NotNull @Min(1) @Max(20) Integer position, @NotBlank @Size(max = 2000) String url,
                     @Nullable @Size(max = 500) String title, @Nullable Ownership ownership, @Nullable Tone tone) {
    }

    /** A snapshot typed in by hand: the top 20 of a tracked query on a date. */
    @Serdeable
    record NewSnapshot(@NotNull UUID queryId, @NotNull LocalDate date,
                       @NotEmpty @Size(max = 20) List<@NotNull @Valid NewResult> results) {
    }

    @Serdeable
    record Classify(@NotBlank @Size(max = 2000) String url, @NotNull Ownership ownership, @NotNull Tone tone) {
    }

    @Serdeable
    record NewAction(@NotNull CleanupKind kind, @NotBlank @Size(max = 300) String title,
                     @NotNull @Size(max = 50) List<@NotBlank @Size(max = 2000) String> urls,
                     @Nullable @Size(max = 4000) String note) {
    }

    /** A move of an action's status; SUBMITTED may say when it was sent (today otherwise). */
    @Serdeable
    record ActionMove(@NotNull CleanupStatus status, @Nullable LocalDate submittedOn, @Nullable @Size(max = 4000) String note) {
    }
}
