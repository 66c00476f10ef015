package io.taskforce.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The verification of one chain, as the API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChainVerification(String chain, String name, long events, long headSeq, boolean valid,
                                @Nullable BrokenLink firstBroken, int checkpoints, @Nullable Long lastCheckpointSeq) {

    @Serdeable
    public record BrokenLink(long seq, String reason) {
    }
}
