package io.taskforce.legal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the clock routes answer. */
final class ClockViews {

    private ClockViews() {
    }

    /** A clock as the team sees it: the rule version it follows, its deadline, its state and who answers for it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ClockView(UUID id, UUID caseId, String ruleId, int ruleVersion, String nameFr, String nameEn, String basis,
                     String textVersion, Counting counting, Instant triggerAt, LocalDate lastDay, Instant endsAt,
                     boolean nonWorkingLastDay, ClockState state, String stateReason, @Nullable UUID responsibleId,
                     @Nullable String responsibleName, ClockRecords.Origin origin, @Nullable UUID publicationId,
                     @Nullable UUID actionId, Instant createdAt, @Nullable Instant closedAt) {
    }

    /** A clock triage proposed; press and denigration clocks start only from a qualified publication. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ProposalView(String triageRule, String ruleId, String nameFr, String nameEn, Instant triggerAt,
                        boolean needsQualification, boolean started) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ClockBoard(List<ClockView> clocks, List<ProposalView> proposals) {
    }

    /** A running clock in the lawyer's calendar, with its case. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CalendarEntry(UUID caseId, String caseTitle, ClockView clock) {
    }

    /** Whether the caller has a calendar feed; its secret path is shown only once, when made (the page adds its origin). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FeedView(boolean active, @Nullable Instant createdAt, @Nullable String path) {
    }
}
