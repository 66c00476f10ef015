package io.taskforce.notify;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/**
 * Readiness fails when the outbox is stuck: an intent older than the threshold still waits, so nobody is being
 * told what happened (the dispatcher job is not running anywhere, or keeps failing).
 */
@Singleton
@Readiness
class OutboxHealth implements HealthIndicator {

    private final Dispatcher dispatcher;
    private final NotifySettings settings;

    OutboxHealth(Dispatcher dispatcher, NotifySettings settings) {
        this.dispatcher = dispatcher;
        this.settings = settings;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(() -> {
            var backlog = dispatcher.backlog();
            boolean stuck = backlog.pending() > 0 && backlog.oldestSeconds() > settings.stuckAfter().toSeconds();
            return HealthResult.builder("outbox", stuck ? HealthStatus.DOWN : HealthStatus.UP)
                    .details(Map.of("pending", backlog.pending(), "oldestSeconds", Math.round(backlog.oldestSeconds())))
                    .build();
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
