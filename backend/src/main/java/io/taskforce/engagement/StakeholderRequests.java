package io.taskforce.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** What clients of the API send to the stakeholder routes. */
final class StakeholderRequests {

    private StakeholderRequests() {
    }

    @Serdeable
    record NewStakeholder(@NotNull StakeholderGroup group, @NotBlank @Size(max = 200) String name,
                          @Nullable @Size(max = 4000) String expectations, @NotNull @Min(1) @Max(5) Integer power,
                          @NotNull @Min(1) @Max(5) Integer interest, @Nullable @Size(max = 200) String channel,
                          @Nullable UUID ownerId) {
    }

    /**
     * A change: each field given replaces the current one. {@code informed} true records now and the caller, false
     * clears it; {@code kept} true keeps a stakeholder triage proposed. {@code clearOwner} removes the owner.
     */
    @Serdeable
    record Change(@Nullable StakeholderGroup group, @Nullable @Size(min = 1, max = 200) String name,
                  @Nullable @Size(max = 4000) String expectations, @Nullable @Min(1) @Max(5) Integer power,
                  @Nullable @Min(1) @Max(5) Integer interest, @Nullable @Size(max = 200) String channel,
                  @Nullable UUID ownerId, @Nullable Boolean clearOwner, @Nullable Boolean informed, @Nullable Boolean kept) {
    }
}
