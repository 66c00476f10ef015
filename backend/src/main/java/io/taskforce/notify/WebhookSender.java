package io.taskforce.notify;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends the webhook deliveries that are due, outside any transaction: claims a batch, posts each (in parallel, so one
 * slow receiver does not hold the others back), then records each outcome. Headers: the event, the delivery id (the
 * receiver's idempotence key: the same on every retry), the timestamp and the signature ({@link WebhookSignature}).
 * Redirects are not followed; the response body is ignored.
 */
@Singleton
class WebhookSender {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookDeliveries deliveries;
    private final WebhookSettings settings;
    private final NotifyMetrics metrics;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        var thread = new Thread(r, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;

    WebhookSender(WebhookDeliveries deliveries, WebhookSettings settings, NotifyMetrics metrics) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor).build();
    }

    /** Sends up to {@code limit} due deliveries; answers how many were accepted (2xx). */
    int sendDue(int limit) {
        var claimed = deliveries.claim(limit, settings.claimLease());
        var sending = new ArrayList<CompletableFuture<Boolean>>();
        for (var delivery : claimed) {
            sending.add(CompletableFuture.supplyAsync(() -> send(delivery), executor));
        }
        return (int) sending.stream().map(CompletableFuture::join).filter(Boolean::booleanValue).count();
    }

    private boolean send(WebhookDeliveries.Delivery delivery) {
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            long timestamp = Instant.now().getEpochSecond();
            var request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Taskforce-Webhooks/1")
                    .header("X-Taskforce-Event", delivery.event())
                    .header("X-Taskforce-Delivery", delivery.id().toString())
                    .header("X-Taskforce-Timestamp", Long.toString(timestamp))
                    .header("X-Taskforce-Signature", WebhookSignature.sign(delivery.secret(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = describe(e);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        try {
            if (status != null && status >= 200 && status < 300) {
                deliveries.succeeded(delivery, status, millis);
                metrics.webhookSent();
                return true;
            }
            LOG.warn("webhook delivery {} failed (attempt {}): {}", delivery.id(), delivery.attempts(),
                    status != null ? "HTTP " + status : error);
            metrics.webhookFailed();
            if (deliveries.failed(delivery, status, status != null ? null : error, millis, settings.retry(),
                    settings.disableAfter())) {
                LOG.warn("webhook {} disabled after {} consecutive failed deliveries", delivery.webhookId(),
                        settings.disableAfter());
            }
        } catch (RuntimeException e) {
            // the claim expires and another attempt follows
            LOG.error("outcome of webhook delivery {} not recorded", delivery.id(), e);
        }
        return false;
    }

    /** What the log shows of an error: its kind and message, never a stack trace. */
    private static String describe(Exception e) {
        String kind = e instanceof java.net.http.HttpTimeoutException ? "timeout"
                : e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName();
        return e.getMessage() == null || e.getMessage().isBlank() ? kind : kind + ": " + e.getMessage();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
