package io.taskforce.cases;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A task with the names its views show: its case, its tenant and its assignee. */
@Introspected
record TaskRow(UUID id, UUID tenantId, UUID caseId, String caseTitle, @Nullable String tenantName, Workstream workstream,
               String title, @Nullable UUID assigneeId, @Nullable String assigneeName, @Nullable Instant dueAt,
               TaskStatus status, TaskOrigin origin, @Nullable UUID handoffId, Instant createdAt) {
}
