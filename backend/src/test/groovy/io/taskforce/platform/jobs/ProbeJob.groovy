package io.taskforce.platform.jobs

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask
import com.github.kagkarlsson.scheduler.task.helper.Tasks
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay
import io.micronaut.context.annotation.Factory
import io.micronaut.context.annotation.Requires
import io.micronaut.context.annotation.Value
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
import jakarta.inject.Singleton

import javax.sql.DataSource
import java.sql.Timestamp
import java.time.Instant

/**
 * A job for the cluster spec only: each run records which instance ran it, from when to when, in job_probe
 * (a table the spec creates), and takes a little while, so that two instances running it at once would overlap.
 */
@Factory
@Requires(property = 'taskforce.test.probe-job', value = 'true')
class ProbeJob {

    @Singleton
    RecurringTask<Void> probe(DataSource dataSource, @Value('${taskforce.jobs.instance-name}') String instance) {
        def pool = DelegatingDataSource.unwrapDataSource(dataSource)
        Tasks.recurring('test-probe', FixedDelay.ofMillis(100)).execute { inst, ctx ->
            def started = Instant.now()
            Thread.sleep(150)
            pool.connection.withCloseable { c ->
                def ps = c.prepareStatement('insert into job_probe (instance, started_at, finished_at) values (?, ?, ?)')
                ps.setString(1, instance)
                ps.setTimestamp(2, Timestamp.from(started))
                ps.setTimestamp(3, Timestamp.from(Instant.now()))
                ps.executeUpdate()
            }
        } as RecurringTask<Void>
    }
}
