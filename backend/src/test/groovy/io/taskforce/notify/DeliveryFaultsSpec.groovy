package io.taskforce.notify

import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** Delivery when things break: the change always stands; what could not be sent is retried, never lost. */
@RealServices
class DeliveryFaultsSpec extends Specification {

    @Shared EmbeddedServer server = SharedApplication.server()
    PollingConditions eventually = new PollingConditions(timeout: 20, delay: 0.2)

    def "with the SMTP server down the report stands, the e-mail is retried, and it is delivered once the server is back"() {
        given:
        def api = new Api(server.URI)
        def title = "Panne SMTP ${UUID.randomUUID().toString().take(6)}"
        TestServices.stopMail()

        when:
        def response = api.post('/api/v1/cases', Tokens.of('client-a'), [title: title, summary: 'Signalé pendant la panne.',
                                                                          personalData: false])

        then: 'the case exists and the in-app notification arrives regardless'
        response.status == 201
        eventually.eventually {
            assert api.get('/api/v1/notifications', Tokens.of('consultant')).json.items.any { it.caseId == response.json.id }
        }

        and: 'the e-mail waits, having failed more than once'
        eventually.eventually { assert delivery(title).attempts >= 2 }
        delivery(title).status == 'PENDING'
        delivery(title).last_error.contains('Connect')

        when:
        TestServices.startMail()

        then:
        eventually.eventually { assert Mailbox.to(NotificationsSpec.CONSULTANT_MAIL, title).size() == 1 }
        eventually.eventually { assert delivery(title).status == 'SENT' }

        and: 'the readiness probe did not fail over a few retries'
        api.get('/health/readiness').status == 200

        cleanup:
        TestServices.startMail()
    }

    def "readiness fails when the outbox is stuck, and says why"() {
        given: 'the dispatcher cannot finish (notifications locked), and an intent has waited far past the threshold'
        def api = new Api(server.URI)
        String id = UUID.randomUUID().toString()
        def lock = TestServices.superuser()
        def writer = TestServices.superuser()
        Api.Response health = null

        when:
        lock.withTransaction {
            lock.execute('lock table notification in exclusive mode')
            writer.execute("""insert into notify_outbox (tenant_id, id, event, recipients, params, created_at)
                              values ('b094b75d-873d-4f54-9892-afd58263330a', '${id}', 'case.reported',
                                      array['5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3']::uuid[], '{}', now() - interval '1 day')""".toString())
            health = api.get('/health/readiness', Tokens.of('admin'))
        }

        then:
        health.status == 503
        health.json.details.outbox.status == 'DOWN'
        health.json.details.outbox.details.pending >= 1

        and: 'once the dispatcher can finish, readiness recovers'
        eventually.eventually { assert api.get('/health/readiness').status == 200 }

        cleanup:
        lock?.close()
        writer?.close()
    }

    private static Map delivery(String title) {
        TestServices.superuser().withCloseable { sql ->
            sql.firstRow("""select status, attempts, last_error from email_delivery
                            where params->>'caseTitle' = ${title} and address = ${NotificationsSpec.CONSULTANT_MAIL}""")
        } as Map ?: [attempts: 0, status: null, last_error: '']
    }
}
