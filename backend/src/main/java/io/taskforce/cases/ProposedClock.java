package io.taskforce.cases;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/** A legal clock to start, from its trigger date: proposed by triage, computed later by the legal workstream. */
@Introspected
@Serdeable
public record ProposedClock(@NotNull ClockRule rule, @NotNull Instant triggerAt) {
}
