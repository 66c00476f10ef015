package io.taskforce.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskforce.platform.db.TenantTransactions;
import jakarta.inject.Singleton;

/**
 * What Prometheus reads about delivery: the outbox backlog (intents not yet expanded, e-mails waiting or given
 * up), e-mails sent and failed, webhook deliveries accepted and failed, webhooks disabled, and live connections on
 * this instance.
 */
@Singleton
class NotifyMetrics {

    private final Counter emailsSent;
    private final Counter emailsFailed;
    private final Counter webhooksSent;
    private final Counter webhooksFailed;

    NotifyMetrics(MeterRegistry registry, LiveHub hub, Dispatcher dispatcher, EmailDeliveries deliveries,
                  WebhookStore webhooks, TenantTransactions transactions) {
        this.emailsSent = Counter.builder("taskforce.notify.emails.sent").description("e-mails accepted by the SMTP server")
                .register(registry);
        this.emailsFailed = Counter.builder("taskforce.notify.emails.failed").description("failed e-mail attempts (retried or given up)")
                .register(registry);
        Gauge.builder("taskforce.live.connections", hub, LiveHub::connections)
                .description("server-sent-event clients connected to this instance").register(registry);
        Gauge.builder("taskforce.notify.outbox.pending", dispatcher, d -> d.backlog().pending())
                .description("announced intents not yet dispatched").register(registry);
        Gauge.builder("taskforce.notify.outbox.oldest.seconds", dispatcher, d -> d.backlog().oldestSeconds())
                .description("age of the oldest intent not yet dispatched").register(registry);
        Gauge.builder("taskforce.notify.emails.pending", deliveries, d -> d.counts().pending())
                .description("e-mails waiting to be sent").register(registry);
        Gauge.builder("taskforce.notify.emails.given.up", deliveries, d -> d.counts().failed())
                .description("e-mails given up after the last attempt").register(registry);
        this.webhooksSent = Counter.builder("taskforce.notify.webhooks.sent")
                .description("webhook deliveries accepted by the receiver (2xx)").register(registry);
        this.webhooksFailed = Counter.builder("taskforce.notify.webhooks.failed")
                .description("failed webhook delivery attempts (non-2xx or error; retried, given up or disabling)").register(registry);
        Gauge.builder("taskforce.notify.webhooks.disabled", webhooks, w -> transactions.asDispatcher(w::disabledCount))
                .description("webhooks disabled after consecutive failures, until an admin enables them").register(registry);
    }

    void webhookSent() {
        webhooksSent.increment();
    }

    void webhookFailed() {
        webhooksFailed.increment();
    }

    void emailSent() {
        emailsSent.increment();
    }

    void emailFailed() {
        emailsFailed.increment();
    }
}
