package io.taskforce.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem document: what every API error looks like. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      @Nullable String requestId, List<FieldError> errors) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(@Nullable String field, String message) {
    }
}
