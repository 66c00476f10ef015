package io.taskforce.legal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a client sees of the legal workstream (DESIGN §7): the clocks' names, last days and states, and the actions'
 * kinds and states. Never the basis notes, the publications, the notes or the evidence.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record LegalStatus(List<ClockStatus> clocks, List<ActionStatus> actions) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ClockStatus(String ruleId, String nameFr, String nameEn, LocalDate lastDay, ClockState state) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ActionStatus(String kind, String status, @Nullable Instant sentAt) {
    }
}
