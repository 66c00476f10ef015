package io.taskforce.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as its client sees it: where it stands and how far each workstream has come. Nothing internal: no
 * triage, team, task detail, clocks or summary of others' work.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ClientCaseView(UUID id, String title, CaseStatus status, @Nullable Phase phase, Instant reportedAt,
                      List<Progress> workstreams) {

    @Serdeable
    record Progress(Workstream workstream, WorkstreamStatus status, long tasksDone, long tasksTotal) {
    }
}
