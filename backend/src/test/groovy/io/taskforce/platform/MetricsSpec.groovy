package io.taskforce.platform

import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

/** What Prometheus scrapes: HTTP timings by route and status, the JVM, the pool, delivery and product counters. */
@RealServices
class MetricsSpec extends Specification {

    @Shared EmbeddedServer server = SharedApplication.server()

    def "the Prometheus endpoint exposes the platform's and the product's metrics"() {
        given:
        def api = new Api(server.URI)
        api.get('/api/v1/cases/intake', Tokens.of('consultant'))
        api.get('/api/v1/notifications?after=forged', Tokens.of('consultant'))
        assert api.post('/api/v1/cases', Tokens.of('client-a'), [title: 'Métriques', summary: 'Un incident compté.',
                                                                 personalData: false]).status == 201

        when:
        def scrape = api.get('/prometheus')

        then:
        scrape.status == 200
        scrape.contentType.startsWith('text/plain')
        metric(scrape.text, 'http_server_requests_seconds_count', 'uri="/api/v1/cases/intake"', 'status="200"')
        metric(scrape.text, 'http_server_requests_seconds_count', 'uri="/api/v1/notifications"', 'status="400"')
        metric(scrape.text, 'jvm_memory_used_bytes')
        metric(scrape.text, 'hikaricp_connections_active')
        metric(scrape.text, 'taskforce_notify_outbox_pending')
        metric(scrape.text, 'taskforce_notify_emails_pending')
        metric(scrape.text, 'taskforce_live_connections')
        metric(scrape.text, 'taskforce_events_total', 'event="case.reported"')
    }

    /** A sample line of the metric carrying every given label. */
    private static boolean metric(String text, String name, String... labels) {
        text.readLines().any { line -> line.startsWith(name) && labels.every { line.contains(it) } }
    }
}
