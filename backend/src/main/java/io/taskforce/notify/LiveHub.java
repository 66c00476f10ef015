package io.taskforce.notify;

import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import reactor.core.publisher.FluxSink;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** The server-sent-event clients connected to this instance, and what each may hear. */
@Singleton
class LiveHub {

    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();

    /** One connected client. Events reach it in id order and at most once, whether replayed or live. */
    static final class Subscriber {
        private final Set<String> keys;
        private final FluxSink<Event<LiveMessage>> sink;
        private long lastSent;

        private Subscriber(Set<String> keys, FluxSink<Event<LiveMessage>> sink, long lastSent) {
            this.keys = Set.copyOf(keys);
            this.sink = sink;
            this.lastSent = lastSent;
        }

        synchronized void offer(LiveEvent event) {
            if (event.id() > lastSent && event.heardBy(keys)) {
                lastSent = event.id();
                sink.next(Event.of(event.message()).id(Long.toString(event.id())).name(event.topic()));
            }
        }

        /** Replays what was missed before live events flow past it (they wait on this lock meanwhile). */
        synchronized void replay(List<LiveEvent> missed) {
            missed.forEach(this::offer);
        }
    }

    Subscriber subscribe(Set<String> keys, FluxSink<Event<LiveMessage>> sink, long lastSeen) {
        var subscriber = new Subscriber(keys, sink, lastSeen);
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
