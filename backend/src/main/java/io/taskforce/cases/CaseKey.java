package io.taskforce.cases;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

/** Where a case lives and whether the caller is on its team: what the entry point needs to decide. */
@Introspected
record CaseKey(UUID tenantId, CaseStatus status, boolean onTeam) {
}
