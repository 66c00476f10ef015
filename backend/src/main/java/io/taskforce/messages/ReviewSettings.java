package io.taskforce.messages;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * How long the team's lawyers have to answer a review request, by the case's severity (1 to 4), before it goes to
 * the legal lead and then to every lawyer of the firm; and how often the escalation job looks.
 */
@ConfigurationProperties("taskforce.messages")
record ReviewSettings(
        @Bindable(defaultValue = "4h,2h,1h,30m") List<Duration> reviewTimes,
        @Bindable(defaultValue = "1m") Duration escalationCheck) {

    /** A case not triaged yet has no severity: it is treated as the most urgent. */
    Duration reviewTime(Integer severity) {
        int level = severity == null ? reviewTimes.size() : Math.max(1, Math.min(severity, reviewTimes.size()));
        return reviewTimes.get(level - 1);
    }
}
