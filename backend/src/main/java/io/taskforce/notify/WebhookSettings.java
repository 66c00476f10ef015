package io.taskforce.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.taskforce.platform.jobs.Retry;

import java.time.Duration;

/**
 * Webhook delivery: plain http is refused except to localhost when {@code allowHttpLocalhost} is on (tests and local
 * runs; off by default, so production takes https only); a failed attempt is retried with backoff (base, cap, up
 * to {@code maxAttempts} per delivery); after {@code disableAfter} consecutive failed attempts across its deliveries
 * a webhook is disabled until an admin enables it again. Timeouts: to connect, and for the whole exchange.
 */
@ConfigurationProperties("taskforce.webhooks")
record WebhookSettings(
        @Bindable(defaultValue = "false") boolean allowHttpLocalhost,
        @Bindable(defaultValue = "10") int disableAfter,
        @Bindable(defaultValue = "10s") Duration retryBase,
        @Bindable(defaultValue = "1h") Duration retryCap,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration requestTimeout,
        @Bindable(defaultValue = "2m") Duration claimLease,
        @Bindable(defaultValue = "1s") Duration sendInterval) {

    Retry retry() {
        return new Retry(retryBase, retryCap, maxAttempts);
    }
}
