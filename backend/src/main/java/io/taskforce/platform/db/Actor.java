package io.taskforce.platform.db;

import java.util.UUID;

/**
 * Who acts in a transaction on case data, as the row-level security policies of case tables read it
 * ({@code app.actor}, {@code app.user_id}): staff see their teams' cases and the intake queue, a client their
 * tenant's cases. Made by the code that authenticated the caller, never from request input.
 */
public record Actor(Kind kind, UUID userId) {

    public enum Kind {
        STAFF("staff"), CLIENT("client");

        private final String setting;

        Kind(String setting) {
            this.setting = setting;
        }

        String setting() {
            return setting;
        }
    }

    public static Actor staff(UUID userId) {
        return new Actor(Kind.STAFF, userId);
    }

    public static Actor client(UUID userId) {
        return new Actor(Kind.CLIENT, userId);
    }
}
