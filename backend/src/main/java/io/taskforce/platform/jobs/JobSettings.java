package io.taskforce.platform.jobs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How often the instance looks for due jobs, how many it runs at once, and how soon a dead instance's job is taken
 * over (after four missed heartbeats).
 */
@ConfigurationProperties("taskforce.jobs")
public record JobSettings(
        @Bindable(defaultValue = "taskforce") String instanceName,
        @Bindable(defaultValue = "4") int threads,
        @Bindable(defaultValue = "1s") Duration pollingInterval,
        @Bindable(defaultValue = "10s") Duration heartbeatInterval) {
}
