package io.taskforce.engagement;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** What clients of the API send to the rumour routes. */
final class RumourRequests {

    private RumourRequests() {
    }

    /** A rumour seen in the wild; {@code firstSeenAt} defaults to now. */
    @Serdeable
    record NewRumour(@NotBlank @Size(max = 1000) String claim,
                     @Nullable @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) address") String sourceUrl,
                     @Nullable Instant firstSeenAt, @Nullable @Min(0) Integer reach) {
    }

    /**
     * The verdict and the response, which becomes an entry of the running log (public if said so); {@code messageId}
     * names the message published on the same case that answers the rumour, if any.
     */
    @Serdeable
    record Resolve(@NotNull RumourStatus status, @NotBlank @Size(max = 4000) String response,
                   @JsonProperty("public") @Nullable Boolean isPublic, @Nullable UUID messageId) {
    }
}
