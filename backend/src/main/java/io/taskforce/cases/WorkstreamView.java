package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A workstream of a case as the team sees it: status, lead, progress. */
@Serdeable
record WorkstreamView(Workstream workstream, WorkstreamStatus status, @Nullable UUID leadId, @Nullable String leadName,
                      long tasksDone, long tasksTotal) {
}
