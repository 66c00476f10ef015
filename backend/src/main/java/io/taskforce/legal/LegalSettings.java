package io.taskforce.legal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * How often the reminder job looks for due reminders; the largest evidence file accepted (under the server's request
 * size, 10 MB) and the types accepted (captures: images, PDF, saved web pages, text).
 */
@ConfigurationProperties("taskforce.legal")
record LegalSettings(@Bindable(defaultValue = "1m") Duration reminderCheck,
                     @Bindable(defaultValue = "8388608") long evidenceMaxBytes,
                     @Bindable(defaultValue = "image/png,image/jpeg,image/webp,application/pdf,text/html,text/plain,multipart/related,message/rfc822")
                     List<String> evidenceTypes) {
}
