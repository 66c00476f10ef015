package io.taskforce.cases;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A person on a case's team: the workstream they work in, and whether they lead it. */
@Introspected
@Serdeable
record TeamMember(UUID userId, String name, String username, String role, @Nullable String firm,
                  Workstream workstream, boolean lead) {
}
