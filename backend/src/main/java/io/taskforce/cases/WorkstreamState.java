package io.taskforce.cases;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

/** A workstream activated on a case: its place (0 leads) and how far it has come. */
@Introspected
record WorkstreamState(UUID caseId, Workstream workstream, int position, WorkstreamStatus status) {
}
