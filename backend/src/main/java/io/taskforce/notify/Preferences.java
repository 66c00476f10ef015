package io.taskforce.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Each person's choices: in-app notifications always; e-mail for the events they keep (by default the ones that
 * ask them to act: a new incident, a task, a hand-off); the language of their e-mails (French unless they say).
 */
@Singleton
class Preferences {

    static final String DEFAULT_LANGUAGE = "fr";

    private final JdbcOperations jdbc;

    Preferences(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Recipient(UUID userId, boolean active, @Nullable String address, String language, Set<String> emailEvents) {
    }

    record Choice(String language, Set<String> emailEvents) {
    }

    static Set<String> defaultEmailEvents() {
        var events = new TreeSet<String>();
        Arrays.stream(NotifyEvent.values()).filter(NotifyEvent::emailByDefault).forEach(e -> events.add(e.code()));
        return Set.copyOf(events);
    }

    List<Recipient> of(List<UUID> userIds) {
        return jdbc.prepareStatement("""
                select u.id, u.active, u.email, p.language, p.email_events
                from user_account u left join notify_preference p on p.user_id = u.id where u.id = any(?)""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", userIds.toArray()));
            try (var rs = ps.executeQuery()) {
                var recipients = new ArrayList<Recipient>();
                while (rs.next()) {
                    var choice = choice(rs.getString(4), rs.getArray(5));
                    recipients.add(new Recipient(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getString(3),
                            choice.language(), choice.emailEvents()));
                }
                return recipients;
            }
        });
    }

    Choice choiceOf(UUID userId) {
        return jdbc.prepareStatement("select language, email_events from notify_preference where user_id = ?", ps -> {
            ps.setObject(1, userId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? choice(rs.getString(1), rs.getArray(2)) : choice(null, null);
            }
        });
    }

    void save(UUID userId, Choice choice) {
        jdbc.prepareStatement("""
                insert into notify_preference (user_id, language, email_events, updated_at) values (?, ?, ?, now())
                on conflict (user_id) do update
                set language = excluded.language, email_events = excluded.email_events, updated_at = now()""", ps -> {
            ps.setObject(1, userId);
            ps.setString(2, choice.language());
            ps.setArray(3, ps.getConnection().createArrayOf("text", choice.emailEvents().toArray()));
            return ps.executeUpdate();
        });
    }

    private static Choice choice(@Nullable String language, @Nullable java.sql.Array events) {
        try {
            return new Choice(language == null ? DEFAULT_LANGUAGE : language,
                    events == null ? defaultEmailEvents() : Set.of((String[]) events.getArray()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read e-mail preferences", e);
        }
    }
}
