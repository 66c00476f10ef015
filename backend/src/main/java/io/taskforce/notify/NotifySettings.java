package io.taskforce.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.taskforce.platform.jobs.Retry;

import java.time.Duration;

/**
 * Delivery settings: the SMTP server, the address mails come from, the public URL links point to, the retry
 * policy, and how long a claimed delivery stays reserved for the instance sending it before another may take it.
 */
@ConfigurationProperties("taskforce.notify")
record NotifySettings(
        @Nullable String smtpHost,
        @Bindable(defaultValue = "25") int smtpPort,
        @Nullable String smtpUsername,
        @Nullable String smtpPassword,
        @Bindable(defaultValue = "false") boolean smtpStarttls,
        @Bindable(defaultValue = "Taskforce <no-reply@taskforce.local>") String mailFrom,
        @Bindable(defaultValue = "http://localhost:8080") String publicUrl,
        @Bindable(defaultValue = "10s") Duration retryBase,
        @Bindable(defaultValue = "1h") Duration retryCap,
        @Bindable(defaultValue = "10") int maxAttempts,
        @Bindable(defaultValue = "2m") Duration claimLease,
        @Bindable(defaultValue = "1s") Duration dispatchInterval,
        @Bindable(defaultValue = "5m") Duration stuckAfter) {

    Retry retry() {
        return new Retry(retryBase, retryCap, maxAttempts);
    }
}
