package io.taskforce.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.taskforce.identity.Caller;
import io.taskforce.platform.db.TenantTransactions;
import io.taskforce.platform.problem.ApiException;
import io.taskforce.platform.web.Keyset;
import io.taskforce.platform.web.Page;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A person's own notifications and preferences. Every query runs in a transaction that names the person, and the
 * row-level security policies admit only their rows, across tenants.
 */
@Singleton
class NotificationService {

    private final TenantTransactions transactions;
    private final JdbcOperations jdbc;
    private final AnnouncementParams params;
    private final Preferences preferences;

    NotificationService(TenantTransactions transactions, JdbcOperations jdbc, AnnouncementParams params, Preferences preferences) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.params = params;
        this.preferences = preferences;
    }

    Page<NotificationView> page(Caller caller, @Nullable String after, int limit) {
        var from = Keyset.parse(after);
        return transactions.asUser(caller.userId(), true, () -> {
            var rows = jdbc.prepareStatement("""
                    /* across tenants: a person's own notifications, from every tenant they belong to */
                    select id, event, case_id, params::text, created_at, read_at from notification
                    where recipient_id = ?
                      and (cast(? as timestamptz) is null or (created_at, id) < (cast(? as timestamptz), cast(? as uuid)))
                    order by created_at desc, id desc limit ?""", ps -> {
                var at = from == null ? null : Timestamp.from(from.at());
                ps.setObject(1, caller.userId());
                ps.setTimestamp(2, at);
                ps.setTimestamp(3, at);
                ps.setObject(4, Keyset.idOf(from));
                ps.setInt(5, limit + 1);
                try (var rs = ps.executeQuery()) {
                    var views = new ArrayList<NotificationView>();
                    while (rs.next()) {
                        views.add(view(rs));
                    }
                    return views;
                }
            });
            return Page.of(rows, limit, v -> new Keyset(v.createdAt(), v.id()).encode());
        });
    }

    NotificationView.UnreadCount unread(Caller caller) {
        return transactions.asUser(caller.userId(), true, () -> jdbc.prepareStatement("""
                /* across tenants: a person's own unread notifications, from every tenant they belong to */
                select count(*) from notification where recipient_id = ? and read_at is null""", ps -> {
            ps.setObject(1, caller.userId());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new NotificationView.UnreadCount(rs.getLong(1));
            }
        }));
    }

    void markRead(Caller caller, UUID id) {
        transactions.asUser(caller.userId(), false, () -> {
            int found = jdbc.prepareStatement("""
                    /* across tenants: one of a person's own notifications, whichever tenant it came from */
                    update notification set read_at = coalesce(read_at, now()) where id = ? and recipient_id = ?""", ps -> {
                ps.setObject(1, id);
                ps.setObject(2, caller.userId());
                return ps.executeUpdate();
            });
            if (found == 0) {
                throw ApiException.notFound("Notification");
            }
            return announceCountChanged(caller);
        });
    }

    void markAllRead(Caller caller) {
        transactions.asUser(caller.userId(), false, () -> {
            jdbc.prepareStatement("""
                    /* across tenants: a person's own notifications, from every tenant they belong to */
                    update notification set read_at = now() where recipient_id = ? and read_at is null""", ps -> {
                ps.setObject(1, caller.userId());
                return ps.executeUpdate();
            });
            return announceCountChanged(caller);
        });
    }

    PreferencesView preferences(Caller caller) {
        return transactions.asUser(caller.userId(), true, () -> view(preferences.choiceOf(caller.userId())));
    }

    PreferencesView savePreferences(Caller caller, PreferencesView request) {
        var events = new HashSet<String>();
        var seen = new HashSet<String>();
        for (int i = 0; i < request.email().size(); i++) {
            var choice = request.email().get(i);
            if (NotifyEvent.ofCode(choice.event()).isEmpty()) {
                throw ApiException.badRequest("email[" + i + "].event: not an event one can be notified of: '"
                        + choice.event() + "'.");
            }
            if (!seen.add(choice.event())) {
                throw ApiException.badRequest("email[" + i + "].event: '" + choice.event() + "' is listed twice.");
            }
            if (choice.enabled()) {
                events.add(choice.event());
            }
        }
        return transactions.asUser(caller.userId(), false, () -> {
            // events left out keep their current choice
            preferences.choiceOf(caller.userId()).emailEvents().stream().filter(e -> !seen.contains(e))
                    .forEach(events::add);
            var saved = new Preferences.Choice(request.language(), Set.copyOf(events));
            preferences.save(caller.userId(), saved);
            return view(saved);
        });
    }

    private static PreferencesView view(Preferences.Choice choice) {
        var email = new ArrayList<PreferencesView.EmailChoice>();
        for (var event : NotifyEvent.values()) {
            email.add(new PreferencesView.EmailChoice(event.code(), choice.emailEvents().contains(event.code())));
        }
        return new PreferencesView(choice.language(), List.copyOf(email));
    }

    /** Other open tabs of the same person update their bell too (announced at commit, with the change). */
    private int announceCountChanged(Caller caller) {
        return jdbc.prepareStatement("insert into live_event (topic, audience) values ('notifications', ?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", new Object[]{caller.userId().toString()}));
            return ps.executeUpdate();
        });
    }

    private NotificationView view(ResultSet rs) throws SQLException {
        var fields = params.read(rs.getString(4));
        return new NotificationView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                fields.get("caseTitle"), fields.get("tenantName"), fields.get("actorName"), fields.get("detail"),
                instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
