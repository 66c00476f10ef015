package io.taskforce.audit;

import io.micronaut.core.annotation.Nullable;

/** One field's value before and after a change (null before for creations, null after for removals). */
public record Change(@Nullable Object before, @Nullable Object after) {
}
