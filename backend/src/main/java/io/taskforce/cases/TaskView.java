package io.taskforce.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record TaskView(UUID id, UUID caseId, String caseTitle, @Nullable String tenantName, Workstream workstream, String title,
                @Nullable UUID assigneeId, @Nullable String assigneeName, @Nullable Instant dueAt, TaskStatus status,
                TaskOrigin origin, @Nullable UUID handoffId, Instant createdAt, boolean overdue) {

    static TaskView of(TaskRow t, Instant now) {
        boolean open = t.status() == TaskStatus.OPEN || t.status() == TaskStatus.IN_PROGRESS;
        return new TaskView(t.id(), t.caseId(), t.caseTitle(), t.tenantName(), t.workstream(), t.title(), t.assigneeId(),
                t.assigneeName(), t.dueAt(), t.status(), t.origin(), t.handoffId(), t.createdAt(),
                open && t.dueAt() != null && t.dueAt().isBefore(now));
    }
}
