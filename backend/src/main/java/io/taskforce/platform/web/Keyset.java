package io.taskforce.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.taskforce.platform.problem.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The keyset cursors of every list (with {@link Page#of}): a position (instant, id), the order of most lists, opaque
 * to callers (URL-safe base64) and exact to the microsecond; or a bare id for lists that look their key up from it.
 * A cursor not made here is refused with a 400 problem.
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

    /** For lists ordered by a unique key looked up from the last row's id: the cursor is that id. */
    public static @Nullable UUID parseId(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
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
