package io.taskforce.legal;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Rows of the clock tables, as the stores read and write them. */
final class ClockRecords {

    private ClockRecords() {
    }

    enum Origin { TRIAGE, PUBLICATION, REPUBLICATION, ACTION, MANUAL }

    record ClockRow(UUID id, UUID tenantId, UUID caseId, String ruleId, int ruleVersion, Instant triggerAt,
                    LocalDate lastDay, Instant endsAt, boolean nonWorkingLastDay, ClockState state, String stateReason,
                    @Nullable UUID responsibleId, Origin origin, @Nullable UUID publicationId, @Nullable UUID actionId,
                    UUID createdBy, Instant createdAt, @Nullable UUID closedBy, @Nullable Instant closedAt) {

        ClockRow closed(ClockState next, String reason, UUID by, Instant at, @Nullable UUID action) {
            return new ClockRow(id, tenantId, caseId, ruleId, ruleVersion, triggerAt, lastDay, endsAt, nonWorkingLastDay,
                    next, reason, responsibleId, origin, publicationId, action == null ? actionId : action, createdBy,
                    createdAt, by, at);
        }
    }

    record PublicationRow(UUID id, UUID tenantId, UUID caseId, String url, Instant firstPublishedAt,
                          @Nullable Qualification qualification, @Nullable UUID qualifiedBy, @Nullable Instant qualifiedAt,
                          UUID createdBy, Instant createdAt) {
    }

    record RepublicationRow(UUID id, UUID publicationId, Instant republishedAt, String note, UUID recordedBy,
                            Instant recordedAt) {
    }

    /** What a clock's notices say of its case, and who hears them (see {@link Team#reminded}). */
    record CaseFacts(String title, Team team) {

        /** The team's active lawyers: who may answer for a clock. */
        List<UUID> lawyers() {
            return team.lawyers();
        }
    }

    /** A case's active team as its clocks see it, in the order people joined it. */
    record Team(List<Seat> seats) {

        record Seat(UUID userId, boolean lawyer, boolean lead) {
        }

        List<UUID> lawyers() {
            return seats.stream().filter(Seat::lawyer).map(Seat::userId).toList();
        }

        /**
         * Who a clock's reminders go to, when it starts and again whenever the team changes: the team's lawyers. With
         * no lawyer left, the leads of the case's workstreams (the people who can put a lawyer back on it), and with no
         * lead either, the whole team: a limitation deadline always reaches someone who sees the case, and never
         * someone who no longer does.
         */
        List<UUID> reminded() {
            var lawyers = lawyers();
            if (!lawyers.isEmpty()) {
                return lawyers;
            }
            var leads = seats.stream().filter(Seat::lead).map(Seat::userId).toList();
            return leads.isEmpty() ? seats.stream().map(Seat::userId).toList() : leads;
        }
    }

    /** A clock triage proposed, as the case recorded it. */
    record Proposal(String triageRule, String ruleId, Instant triggerAt) {
    }
}
