package io.taskforce.cases;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

/** Tasks done out of all of one workstream of a case. */
@Introspected
record TaskProgress(UUID caseId, Workstream workstream, long done, long total) {
}
