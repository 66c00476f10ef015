package io.taskforce.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.platform.problem.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset cursor on (instant, id), the order of most lists: opaque to callers (URL-safe base64), exact to the
 * microsecond, and refused with a 400 problem when it was not made here.
 */
public record Keyset(Instant at, UUID id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position after which the next page starts; null for the first page. */
    public static @Nullable Keyset parse(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new Keyset(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw ApiException.badRequest("The 'after' cursor is not one this API gave out.");
        }
    }

    public static @Nullable Instant atOf(@Nullable Keyset keyset) {
        return keyset == null ? null : keyset.at();
    }

    public static @Nullable UUID idOf(@Nullable Keyset keyset) {
        return keyset == null ? null : keyset.id();
    }
}
