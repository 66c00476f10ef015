package io.taskforce.notify

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.LiveStream
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/**
 * Several instances on one database, as behind the Helm chart's load balancer: live updates cross instances
 * through LISTEN/NOTIFY, jobs run on one instance at a time, a notification is e-mailed once, and a delivery
 * claimed by an instance that died is sent by another.
 */
@RealServices
class ClusterSpec extends Specification {

    @Shared EmbeddedServer a = SharedApplication.server()
    @Shared @AutoCleanup EmbeddedServer b
    @Shared @AutoCleanup EmbeddedServer c
    PollingConditions eventually = new PollingConditions(timeout: 15, delay: 0.1)

    def setupSpec() {
        TestServices.superuser().withCloseable { sql ->
            sql.execute('''create table if not exists job_probe (instance text not null, started_at timestamptz not null,
                                                                   finished_at timestamptz not null)''')
            sql.execute('grant select, insert on job_probe to taskforce_app')
        }
        b = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'taskforce.demo.enabled': false,
                                                    'taskforce.jobs.instance-name': 'b', 'taskforce.test.probe-job': true])
        c = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'taskforce.demo.enabled': false,
                                                    'taskforce.jobs.instance-name': 'c', 'taskforce.test.probe-job': true])
    }

    def "a change made through one instance reaches a live client connected to another"() {
        given:
        def live = new LiveStream(a.URI, Tokens.of('consultant'))
        assert live.status() == 200

        when:
        def id = report(b, "Coupure réseau ${UUID.randomUUID().toString().take(6)}")

        then:
        live.nextFor('intake', id) != null
        live.next('notifications') != null

        cleanup:
        live?.close()
    }

    def "with three instances dispatching, each notification is made once and e-mailed once"() {
        given:
        def title = "Rappel de lots ${UUID.randomUUID().toString().take(6)}"

        when:
        def id = report(c, title)

        then:
        eventually.eventually { assert Mailbox.to(NotificationsSpec.CONSULTANT_MAIL, title).size() == 1 }
        Thread.sleep(2000)
        Mailbox.to(NotificationsSpec.CONSULTANT_MAIL, title).size() == 1
        new Api(b.URI).get('/api/v1/notifications?limit=200', Tokens.of('consultant')).json.items.count { it.caseId == id } == 1
    }

    def "a job scheduled on several instances runs on one at a time"() {
        when:
        Thread.sleep(4000)
        def runs = TestServices.superuser().withCloseable { sql ->
            sql.rows('select instance, started_at, finished_at from job_probe order by started_at')
        }

        then: 'it ran, and no two runs overlapped'
        runs.size() >= 5
        (1..<runs.size()).every { i -> !runs[i].started_at.before(runs[i - 1].finished_at) }
    }

    def "a job whose instance died is run again by another one"() {
        given: 'an execution picked by an instance that has stopped sending heartbeats for a while'
        TestServices.superuser().withCloseable { sql ->
            sql.execute('''update scheduled_tasks set picked = true, picked_by = 'dead-instance',
                                  last_heartbeat = now() - interval '1 hour', execution_time = now() - interval '1 hour',
                                  version = version + 1
                           where task_name = 'test-probe' ''')
        }
        Thread.sleep(500) // a run in flight when the row was taken over records itself before the count starts
        TestServices.superuser().withCloseable { sql ->
            sql.execute('truncate job_probe')
        }

        expect: 'another instance notices it is dead and runs it again'
        eventually.eventually {
            assert TestServices.superuser().withCloseable { sql -> sql.firstRow('select count(*) as n from job_probe').n } > 0
        }
    }

    def "an e-mail claimed by an instance that died mid-dispatch is sent by another once the claim expires"() {
        given: 'a delivery claimed (attempt 1) by an instance that never reported back'
        def title = "Livraison orpheline ${UUID.randomUUID().toString().take(6)}"
        String tenant = TestServices.superuser().withCloseable { sql ->
            sql.firstRow("select id from tenant where slug = 'helio-cloud'").id.toString()
        }
        TestServices.superuser().withCloseable { sql ->
            sql.execute("""insert into email_delivery (tenant_id, id, recipient_id, address, language, event, params,
                                                         attempts, claimed_until)
                           values ('${tenant}', '${UUID.randomUUID()}', '5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3',
                                   '${NotificationsSpec.CONSULTANT_MAIL}', 'fr', 'case.reported',
                                   cast('{"caseTitle": "${title}", "tenantName": "Helio Cloud"}' as jsonb),
                                   1, now() + interval '2 seconds')""".toString())
        }

        when:
        Thread.sleep(1000)

        then: 'not while the claim holds'
        Mailbox.to(NotificationsSpec.CONSULTANT_MAIL, title).isEmpty()

        and: 'then once'
        eventually.eventually { assert Mailbox.to(NotificationsSpec.CONSULTANT_MAIL, title).size() == 1 }
    }

    private static String report(EmbeddedServer server, String title) {
        def response = new Api(server.URI).post('/api/v1/cases', Tokens.of('client-a'), [
                title: title, summary: 'Signalé via une autre instance.', personalData: false])
        assert response.status == 201
        response.json.id
    }
}
