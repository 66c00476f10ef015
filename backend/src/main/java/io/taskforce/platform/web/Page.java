package io.taskforce.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/** One page of a list with keyset pagination: pass {@code next} back to get the following page. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Page<T>(List<T> items, @Nullable String next) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Given one more row than the limit was fetched, says whether there is a next page and where it starts. */
    public static <T> Page<T> of(List<T> rowsPlusOne, int limit, Function<T, String> cursor) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null);
        }
        List<T> items = rowsPlusOne.subList(0, limit);
        return new Page<>(List.copyOf(items), cursor.apply(items.get(limit - 1)));
    }

    public static int limit(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        return Math.max(1, Math.min(MAX_LIMIT, requested));
    }
}
