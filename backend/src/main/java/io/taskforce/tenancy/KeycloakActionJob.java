package io.taskforce.tenancy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The Keycloak actions written by committed changes, performed as a job: one instance at a time, every interval. */
@Factory
class KeycloakActionJob {

    private static final int BATCH = 20;

    @Singleton
    RecurringTask<Void> keycloakActions(KeycloakCourier courier, KeycloakActionSettings settings) {
        return Tasks.recurring("keycloak-actions", FixedDelay.of(settings.interval()))
                .execute((instance, context) -> {
                    while (courier.performDue(BATCH) == BATCH) {
                        // a burst: keep going while whole batches are due
                    }
                });
    }
}
