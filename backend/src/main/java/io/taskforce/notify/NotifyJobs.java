package io.taskforce.notify;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The dispatcher as a job: db-scheduler runs it on one instance at a time, every second or so. It expands what was
 * announced, then sends what is due; live signals of old events are pruned now and then.
 */
@Factory
class NotifyJobs {

    private static final int BATCH = 100;
    private static final int MAIL_BATCH = 20;
    private static final Duration MAIL_ROUND = Duration.ofSeconds(20);
    private static final int WEBHOOK_BATCH = 20;

    @Singleton
    RecurringTask<Void> notifyDispatch(Dispatcher dispatcher, Postman postman, NotifySettings settings) {
        return Tasks.recurring("notify-dispatch", FixedDelay.of(settings.dispatchInterval()))
                .execute((instance, context) -> {
                    while (dispatcher.expand(BATCH) == BATCH) {
                        // a burst: keep expanding before sending
                    }
                    // send in batches while there is a backlog, for a bounded time so the other jobs get their turn
                    long until = System.nanoTime() + MAIL_ROUND.toNanos();
                    while (postman.sendDue(MAIL_BATCH) == MAIL_BATCH && System.nanoTime() < until) {
                        // next batch
                    }
                });
    }

    /** Webhooks apart from e-mails: a slow receiver (up to the request timeout) never holds mail back. */
    @Singleton
    RecurringTask<Void> webhookSend(WebhookSender sender, WebhookSettings settings) {
        return Tasks.recurring("webhook-send", FixedDelay.of(settings.sendInterval()))
                .execute((instance, context) -> {
                    while (sender.sendDue(WEBHOOK_BATCH) == WEBHOOK_BATCH) {
                        // a burst: keep sending while whole batches succeed
                    }
                });
    }

    @Singleton
    RecurringTask<Void> livePrune(LiveEvents events) {
        return Tasks.recurring("live-prune", FixedDelay.ofHours(1)).execute((instance, context) -> events.prune());
    }
}
