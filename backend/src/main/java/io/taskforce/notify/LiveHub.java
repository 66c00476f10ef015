package io.taskforce.notify;

import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import reactor.core.publisher.FluxSink;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** The server-sent-event clients connected to this instance, and what each may hear. */
@Singleton
class LiveHub {

    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();

    /**
     * One connected client. Each event reaches it at most once, whether replayed or live — but not necessarily in id
     * order: ids are taken at insert and announced at commit, so a transaction that started earlier may commit
     * later. A filter on "higher than the last id sent" would drop those; the ids recently sent are remembered
     * instead.
     */
    static final class Subscriber {
        private static final int REMEMBERED = 4096;

        private final Set<String> keys;
        private final FluxSink<Event<LiveMessage>> sink;
        private final Set<Long> sent = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        });

        private Subscriber(Set<String> keys, FluxSink<Event<LiveMessage>> sink) {
            this.keys = Set.copyOf(keys);
            this.sink = sink;
        }

        synchronized void offer(LiveEvent event) {
            if (event.heardBy(keys) && sent.add(event.id())) {
                sink.next(Event.of(event.message()).id(Long.toString(event.id())).name(event.topic()));
            }
        }

        /** Replays what was missed before live events flow past it (they wait on this lock meanwhile). */
        synchronized void replay(List<LiveEvent> missed) {
            missed.forEach(this::offer);
        }
    }

    Subscriber subscribe(Set<String> keys, FluxSink<Event<LiveMessage>> sink) {
        var subscriber = new Subscriber(keys, sink);
        subscribers.add(subscriber);
        return subscriber;
    }

    void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    void publish(List<LiveEvent> events) {
        for (var subscriber : subscribers) {
            events.forEach(subscriber::offer);
        }
    }

    int connections() {
        return subscribers.size();
    }
}
