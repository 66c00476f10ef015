package io.taskforce.legal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** How often the reminder job looks for due reminders, and where calendar feed links point. */
@ConfigurationProperties("taskforce.legal")
record LegalSettings(@Bindable(defaultValue = "1m") Duration reminderCheck) {
}
