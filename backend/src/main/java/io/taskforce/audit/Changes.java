package io.taskforce.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the changed fields of one audit event. Values are stored in the form they are hashed in: enums by name,
 * instants in the chain's one timestamp form, ids as text, collections item by item. A field whose value did not
 * change is left out, so an event says exactly what moved.
 */
public final class Changes {

    private final Map<String, Change> fields = new LinkedHashMap<>();

    private Changes() {
    }

    public static Changes of() {
        return new Changes();
    }

    /** A field set at creation. */
    public Changes set(String field, @Nullable Object value) {
        fields.put(field, new Change(null, plain(value)));
        return this;
    }

    /** A field that moved from one value to another; ignored when both are the same. */
    public Changes changed(String field, @Nullable Object before, @Nullable Object after) {
        Object b = plain(before);
        Object a = plain(after);
        if (!Objects.equals(b, a)) {
            fields.put(field, new Change(b, a));
        }
        return this;
    }

    /** A field removed with its entity. */
    public Changes removed(String field, @Nullable Object before) {
        fields.put(field, new Change(plain(before), null));
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public Map<String, Change> asMap() {
        return Collections.unmodifiableMap(fields);
    }

    static Object plain(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant instant) {
            return CanonicalJson.instant(instant);
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Changes::plain).toList();
        }
        return value.toString();
    }
}
