package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A triage: what the routing rules propose (GET triage-proposal) and what the consultant confirms (POST triage),
 * one shape, so a proposal can be posted back as it is. Workstreams are in order, the lead first.
 */
@Serdeable
record TriageProposal(@NotNull @Size(max = 9) List<@NotNull CrisisType> crisisTypes, @NotNull Cluster cluster,
                      @NotNull @Min(1) @Max(4) Integer severity, @NotNull Kinetics kinetics, @NotNull Phase phase,
                      @NotEmpty @Size(max = 3) List<@NotNull Workstream> workstreams,
                      @Nullable @Size(max = 10) List<@Valid ProposedClock> clocks,
                      @Nullable @Size(max = 50) List<@Valid Task> tasks) {

    /** A task to create with the triage. */
    @Serdeable
    record Task(@NotBlank @Size(max = 300) String title, @NotNull Workstream workstream, @Nullable Instant dueAt) {
    }
}
