package io.taskforce.legal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/** What the clock routes accept. */
final class ClockRequests {

    private ClockRequests() {
    }

    /** Start a clock (a triage proposal confirmed, or one the lawyer adds): the rule, its trigger, who answers for it. */
    @Serdeable
    record StartClock(@NotBlank @Size(max = 100) String rule, @NotNull Instant triggerAt, @Nullable UUID responsibleId) {
    }

    /** Close a running clock: acted upon, or waived with a reason. */
    @Serdeable
    record CloseClock(@NotNull ClockState state, @Nullable @Size(max = 2000) String reason) {
    }
}
