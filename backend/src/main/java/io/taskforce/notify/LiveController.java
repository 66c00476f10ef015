package io.taskforce.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.sse.Event;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.taskforce.identity.Caller;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Server-sent events for signed-in users: which open view is stale. The token travels in the Authorization header
 * like on every other route (never in the URL); a reconnecting client sends Last-Event-ID and first receives what
 * it missed. A "ping" at once (the stream is open) and every 25 s (proxies keep a quiet stream) is to be ignored.
 */
@Controller("/api/v1/live")
@Secured(SecurityRule.IS_AUTHENTICATED)
class LiveController {

    private static final Duration PING = Duration.ofSeconds(25);
    private static final int BACKLOG = 256;

    private final LiveHub hub;
    private final LiveEvents events;

    LiveController(LiveHub hub, LiveEvents events) {
        this.hub = hub;
        this.events = events;
    }

    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @Operation(operationId = "liveUpdates", summary = "Server-sent events: topics intake, case, tasks, notifications (and ping)")
    Flux<Event<LiveMessage>> live(Caller caller, @Header("Last-Event-ID") @Nullable String lastEventId) {
        Set<String> keys = keysOf(caller);
        long lastSeen = parse(lastEventId);
        Flux<Event<LiveMessage>> changes = Flux.<Event<LiveMessage>>create(sink -> {
            var subscriber = hub.subscribe(keys, sink);
            sink.onDispose(() -> hub.unsubscribe(subscriber));
            if (lastSeen > 0) {
                subscriber.replay(events.after(lastSeen, keys));
            }
        }, FluxSink.OverflowStrategy.BUFFER)
                // a client that cannot keep up is cut off rather than held in memory: it reconnects with its last
                // event id and is caught up from the table
                .onBackpressureBuffer(BACKLOG, BufferOverflowStrategy.ERROR)
                .subscribeOn(Schedulers.boundedElastic());
        Flux<Event<LiveMessage>> pings = Flux.interval(Duration.ZERO, PING).map(i -> Event.of(new LiveMessage("ping", null)).name("ping"));
        return changes.mergeWith(pings);
    }

    /** Who the caller is to the audience of live events: themself, staff (the intake queue), or a tenant's client. */
    static Set<String> keysOf(Caller caller) {
        var keys = new HashSet<String>();
        keys.add(caller.getName());
        if (caller.user().firm() != null) {
            keys.add("staff");
        }
        if (caller.user().tenantId() != null) {
            keys.add("tenant:" + caller.user().tenantId());
        }
        return keys;
    }

    private static long parse(@Nullable String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException e) {
            // an id this server did not give out: start from now rather than fail the stream
            return 0;
        }
    }
}
