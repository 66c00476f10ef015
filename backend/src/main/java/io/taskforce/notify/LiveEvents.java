package io.taskforce.notify;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads live signals straight from the pool (they carry ids only, no tenant data, and are read outside any
 * transaction by the listener thread): by the ids a NOTIFY announced, or after the last id a client saw.
 */
@Singleton
class LiveEvents {

    /** How far back a reconnecting client is caught up; older signals are pruned. */
    static final String RETENTION = "1 day";
    private static final int REPLAY_LIMIT = 500;
    private static final int LATE_COMMIT_WINDOW = 200;

    private final DataSource pool;

    LiveEvents(DataSource dataSource) {
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    DataSource pool() {
        return pool;
    }

    List<LiveEvent> byIds(Collection<Long> ids) {
        return query("select id, topic, case_id, audience from live_event where id = any(?) order by id", ps ->
                ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.toArray())));
    }

    /**
     * What a client missed since {@code lastId}, among what it may hear, oldest first: every later id, and the
     * slightly lower ids of the last minutes, which a transaction that started earlier may have committed after the
     * client's last event (the client may see a few twice: signals are idempotent, a view reloads).
     */
    List<LiveEvent> after(long lastId, Set<String> keys) {
        return query("""
                select id, topic, case_id, audience from live_event
                where (id > ? or (id > ? - ? and created_at > now() - interval '2 minutes'))
                  and audience && ? and created_at > now() - cast(? as interval)
                order by id limit ?""", ps -> {
            ps.setLong(1, lastId);
            ps.setLong(2, lastId);
            ps.setInt(3, LATE_COMMIT_WINDOW);
            ps.setArray(4, ps.getConnection().createArrayOf("text", keys.toArray()));
            ps.setString(5, RETENTION);
            ps.setInt(6, REPLAY_LIMIT);
        });
    }

    void prune() {
        try (Connection c = pool.getConnection();
             var ps = c.prepareStatement("delete from live_event where created_at < now() - cast(? as interval)")) {
            ps.setString(1, RETENTION);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune live events", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<LiveEvent> query(String sql, Binder binder) {
        try (Connection c = pool.getConnection(); var ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (var rs = ps.executeQuery()) {
                var events = new ArrayList<LiveEvent>();
                while (rs.next()) {
                    events.add(new LiveEvent(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
                            List.of((String[]) rs.getArray(4).getArray())));
                }
                return events;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read live events", e);
        }
    }
}
