package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A task of one workstream of a case. */
@MappedEntity("case_task")
record CaseTask(@Id UUID id, UUID tenantId, UUID caseId, Workstream workstream, String title,
                @Nullable UUID assigneeId, @Nullable Instant dueAt, TaskStatus status, TaskOrigin origin,
                @Nullable UUID handoffId, UUID createdBy, Instant createdAt, @Nullable Instant doneAt) {

    boolean open() {
        return status == TaskStatus.OPEN || status == TaskStatus.IN_PROGRESS;
    }
}
