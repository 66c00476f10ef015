package io.taskforce.cases;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Set;

/**
 * What triage routes on: the facts of the intake and the crisis types and kinetics the consultant settled on
 * (or none yet: triage then infers them from the facts).
 */
public record TriageFacts(Set<CrisisType> crisisTypes, @Nullable Kinetics kinetics, boolean personalData,
                          boolean hostilePublications, @Nullable SuspectedAuthor suspectedAuthor,
                          @Nullable Instant occurredAt, @Nullable Instant firstPublishedAt, Instant reportedAt) {

    public TriageFacts {
        crisisTypes = Set.copyOf(crisisTypes);
    }
}
