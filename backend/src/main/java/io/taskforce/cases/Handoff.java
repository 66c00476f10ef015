package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** An item handed from one workstream of a case to another, waiting for its answer. */
@MappedEntity("case_handoff")
record Handoff(@Id UUID id, UUID tenantId, UUID caseId, Workstream fromWorkstream, Workstream toWorkstream,
               String note, HandoffStatus status, @Nullable String reply, UUID createdBy, Instant createdAt,
               @Nullable UUID answeredBy, @Nullable Instant answeredAt) {

    Handoff answered(HandoffStatus decision, String reply, UUID by, Instant at) {
        return new Handoff(id, tenantId, caseId, fromWorkstream, toWorkstream, note, decision, reply, createdBy,
                createdAt, by, at);
    }
}
