package io.taskforce.notify;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends the e-mails that are due, outside any transaction: claims a batch, renders each in its recipient's
 * language, sends it, records the outcome. A failure is retried with backoff, and given up after the last attempt.
 */
@Singleton
class Postman {

    private static final Logger LOG = LoggerFactory.getLogger(Postman.class);

    private final EmailDeliveries deliveries;
    private final Mailer mailer;
    private final NotifySettings settings;
    private final JsonMapper json;
    private final NotifyMetrics metrics;

    Postman(EmailDeliveries deliveries, Mailer mailer, NotifySettings settings, JsonMapper json, NotifyMetrics metrics) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.settings = settings;
        this.json = json;
        this.metrics = metrics;
    }

    /** Sends up to {@code limit} due e-mails; answers how many were sent. */
    int sendDue(int limit) {
        int sent = 0;
        for (var delivery : deliveries.claim(limit, settings.claimLease())) {
            try {
                if (!mailer.configured()) {
                    throw new IllegalStateException("no SMTP server is configured (SMTP_HOST)");
                }
                var event = NotifyEvent.ofCode(delivery.event())
                        .orElseThrow(() -> new IllegalStateException("unknown event " + delivery.event()));
                var email = EmailTemplates.render(event, params(delivery.params()), delivery.language(), link(delivery));
                mailer.send(delivery.address(), email);
                deliveries.sent(delivery);
                metrics.emailSent();
                sent++;
            } catch (Exception e) {
                LOG.warn("e-mail {} not sent (attempt {}): {}", delivery.id(), delivery.attempts(), e.toString());
                deliveries.failed(delivery, e.toString(), settings.retry());
                metrics.emailFailed();
            }
        }
        return sent;
    }

    private String link(EmailDeliveries.Delivery delivery) {
        String base = settings.publicUrl().replaceAll("/+$", "");
        if (delivery.caseId() == null) {
            return base + "/notifications";
        }
        return delivery.client() ? base + "/portal" : base + "/cases/" + delivery.caseId();
    }

    private Map<String, String> params(String raw) throws IOException {
        var node = json.readValue(raw, JsonNode.class);
        var params = new LinkedHashMap<String, String>();
        for (var entry : node.entries()) {
            params.put(entry.getKey(), entry.getValue().coerceStringValue());
        }
        return params;
    }
}
