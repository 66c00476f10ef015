package io.taskforce.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

/**
 * Runs the application's scheduled work with db-scheduler: every job is a row of {@code scheduled_tasks}, picked by
 * one instance at a time, kept across restarts, and picked again by another instance when the one running it stops
 * sending heartbeats. Features declare their jobs as {@link RecurringTask} beans; this starts them all once the
 * server is up.
 */
@Singleton
@Requires(property = "taskforce.jobs.enabled", notEquals = "false")
public class JobScheduler implements ApplicationEventListener<ServerStartupEvent> {

    private final Scheduler scheduler;

    JobScheduler(DataSource dataSource, List<RecurringTask<?>> jobs, JobSettings settings) {
        // the pool itself, not the transaction-aware proxy: db-scheduler manages its own short transactions
        var pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.scheduler = Scheduler.create(pool)
                .startTasks(List.copyOf(jobs)) // known tasks, scheduled at start unless already there
                .schedulerName(new SchedulerName.Fixed(settings.instanceName() + "-" + UUID.randomUUID()))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .enableImmediateExecution()
                .build();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        scheduler.start();
    }

    /** Waits for running jobs to finish (up to db-scheduler's limit) so that none is left half done by a clean stop. */
    @PreDestroy
    void stop() {
        scheduler.stop();
    }
}
