package io.taskforce.notify;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * Listens on PostgreSQL's {@code taskforce_live} channel with one connection of its own, so that a change committed
 * through any instance reaches the clients connected to this one. NOTIFY is sent at commit, so a rolled-back change
 * announces nothing. Reconnects after a lost connection; clients catch up from their last event id anyway.
 */
@Context
class LiveListener {

    private static final Logger LOG = LoggerFactory.getLogger(LiveListener.class);
    private static final int WAIT_MILLIS = 500;

    private final LiveEvents events;
    private final LiveHub hub;
    private final Thread thread;
    private volatile boolean running = true;

    LiveListener(LiveEvents events, LiveHub hub) {
        this.events = events;
        this.hub = hub;
        this.thread = new Thread(this::listen, "live-listener");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = events.pool().getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("listen taskforce_live");
                }
                var pg = connection.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications == null || notifications.length == 0) {
                        continue;
                    }
                    var ids = new ArrayList<Long>(notifications.length);
                    for (var n : notifications) {
                        ids.add(Long.parseLong(n.getParameter()));
                    }
                    hub.publish(events.byIds(ids));
                }
            } catch (SQLException | RuntimeException | Error e) {
                // even an OutOfMemoryError must not end live updates on this instance for good
                if (running) {
                    LOG.warn("live updates: listening failed, retrying in 1 s: {}", e.toString());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        thread.join(2 * WAIT_MILLIS + 1000);
    }
}
