package io.taskforce.notify;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


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
    private final AnnouncementParams params;
    private final NotifyMetrics metrics;

    Postman(EmailDeliveries deliveries, Mailer mailer, NotifySettings settings, AnnouncementParams params, NotifyMetrics metrics) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.settings = settings;
        this.params = params;
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
                var email = EmailTemplates.render(event, params.read(delivery.params()), delivery.language(), link(delivery));
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
}
