package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One crisis of one tenant: the intake facts, then what triage settled. The team's user ids (column {@code team})
 * are kept by {@link TeamRepository} beside this record, for the row-level security policies.
 */
@MappedEntity("case_file")
record CaseFile(@Id UUID id, UUID tenantId, String title, String summary, @Nullable Instant occurredAt,
                @TypeDef(type = DataType.STRING_ARRAY) String[] urls, boolean personalData,
                boolean hostilePublications, @Nullable Instant firstPublishedAt,
                @Nullable SuspectedAuthor suspectedAuthor, @Nullable String entryFirm, UUID reportedBy,
                Instant reportedAt, CaseStatus status, @TypeDef(type = DataType.STRING_ARRAY) String[] crisisTypes,
                @Nullable Cluster cluster, @Nullable Integer severity, @Nullable Kinetics kinetics,
                @Nullable Phase phase, @Nullable Instant triagedAt, @Version int version) {

    CaseFile withStatus(CaseStatus next) {
        return new CaseFile(id, tenantId, title, summary, occurredAt, urls, personalData, hostilePublications,
                firstPublishedAt, suspectedAuthor, entryFirm, reportedBy, reportedAt, next, crisisTypes, cluster,
                severity, kinetics, phase, triagedAt, version);
    }

    CaseFile triaged(String[] types, Cluster cluster, int severity, Kinetics kinetics, Phase phase, Instant at) {
        return new CaseFile(id, tenantId, title, summary, occurredAt, urls, personalData, hostilePublications,
                firstPublishedAt, suspectedAuthor, entryFirm, reportedBy, reportedAt, CaseStatus.TRIAGED, types,
                cluster, severity, kinetics, phase, at, version);
    }

    TriageFacts facts() {
        return new TriageFacts(Arrays.stream(crisisTypes).map(CrisisType::valueOf).collect(Collectors.toSet()), kinetics, personalData, hostilePublications, suspectedAuthor,
                occurredAt, firstPublishedAt, reportedAt);
    }
}
