package io.taskforce.audit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Audit checkpoints as a job: run by one instance at a time across the cluster, every interval. */
@Factory
class CheckpointJob {

    @Singleton
    RecurringTask<Void> auditCheckpoints(Checkpoints checkpoints,
                                         @Value("${taskforce.audit.checkpoint-interval:15m}") Duration interval) {
        return Tasks.recurring("audit-checkpoints", FixedDelay.of(interval))
                .execute((instance, context) -> checkpoints.signAll());
    }
}
