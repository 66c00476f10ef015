package io.taskforce.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A case as staff see it: the intake, the triage, the workstreams and the clocks triage proposed. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record CaseView(UUID id, UUID tenantId, String tenantName, String title, String summary, @Nullable Instant occurredAt,
                Instant reportedAt, @Nullable String reportedByName, List<String> urls, boolean personalData,
                boolean hostilePublications, @Nullable Instant firstPublishedAt,
                @Nullable SuspectedAuthor suspectedAuthor, @Nullable String entryFirm, CaseStatus status,
                List<CrisisType> crisisTypes, @Nullable Cluster cluster, @Nullable Integer severity,
                @Nullable Kinetics kinetics, @Nullable Phase phase, @Nullable Instant triagedAt,
                List<WorkstreamView> workstreams, List<ProposedClock> proposedClocks, boolean onTeam, int version) {
}
