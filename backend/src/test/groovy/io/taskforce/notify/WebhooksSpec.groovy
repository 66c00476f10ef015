package io.taskforce.notify

import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import io.taskforce.support.WebhookReceiver
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

/**
 * Webhooks end to end, through the API with real tokens and a real HTTP receiver on this machine: a tenant's webhook
 * hears of its own cases only, signed with the secret shown once; a firm's hears of cases its workstream is routed
 * to; a failing receiver is retried with backoff, then disabled without touching the change; an admin enables it
 * again and sends tests; bad input changes nothing. The test run allows plain http to localhost and disables a
 * webhook after 3 failed attempts in a row (TestServices).
 */
@Stepwise
@RealServices
class WebhooksSpec extends Specification {

    static final String TENANT_A = 'b094b75d-873d-4f54-9892-afd58263330a' // client-a's (Helio Cloud)
    static final String TENANT_B = 'fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a' // client-b's (Maison Verdier)
    static final String RUN = UUID.randomUUID().toString().take(6)

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared @AutoCleanup WebhookReceiver receiver = new WebhookReceiver()
    @Shared Api api
    @Shared Map<String, Map> hooks = [:]
    @Shared List<String> secrets = []
    @Shared String caseA
    @Shared String failingCase
    PollingConditions eventually = new PollingConditions(timeout: 20, delay: 0.1)

    def setup() {
        api = new Api(server.URI)
    }

    def "an admin creates a tenant's webhook: the secret is shown in the creation response only"() {
        when:
        def a = create([tenantId: TENANT_A, url: receiver.url("/a-${RUN}"), events: ['case.reported', 'case.status_changed']])
        def b = create([tenantId: TENANT_B, url: receiver.url("/b-${RUN}"), events: ['case.reported']])

        then:
        a.status == 201
        a.json.secret ==~ /[A-Za-z0-9_-]{43}/
        a.json.webhook.owner == 'TENANT'
        a.json.webhook.tenantId == TENANT_A
        a.json.webhook.tenantName == 'Helio Cloud'
        a.json.webhook.active
        a.json.webhook.events == ['case.reported', 'case.status_changed']
        !a.json.webhook.containsKey('secret')
        b.status == 201
        b.json.secret != a.json.secret

        when:
        hooks.a = a.json.webhook
        hooks.b = b.json.webhook
        secrets.addAll([a.json.secret, b.json.secret])
        def listed = api.get('/api/v1/webhooks?limit=200', Tokens.of('admin'))

        then:
        listed.status == 200
        listed.json.items*.id.containsAll([hooks.a.id, hooks.b.id])
        secrets.every { !listed.text.contains(it) }
    }

    def "a case reported for tenant A reaches A's webhook, signed with A's secret, and not B's"() {
        when:
        caseA = report('client-a', "Fuite de données ${RUN}")

        then:
        eventually.eventually { assert deliveriesOf("/a-${RUN}", caseA).size() == 1 }
        def delivery = deliveriesOf("/a-${RUN}", caseA)[0]
        delivery.header('Content-Type') == 'application/json'
        delivery.header('X-Taskforce-Event') == 'case.reported'
        UUID.fromString(delivery.header('X-Taskforce-Delivery'))
        long timestamp = delivery.header('X-Taskforce-Timestamp') as long
        Math.abs(timestamp - System.currentTimeMillis().intdiv(1000)) < 120
        delivery.header('X-Taskforce-Signature') == WebhookSignature.sign(secrets[0], timestamp, delivery.body)
        WebhookSignature.verify(secrets[0], timestamp, delivery.body, delivery.header('X-Taskforce-Signature'))
        !WebhookSignature.verify(secrets[1], timestamp, delivery.body, delivery.header('X-Taskforce-Signature'))

        and: 'the payload says what happened, to which case of which tenant'
        def payload = delivery.json
        payload.keySet() as List == ['id', 'event', 'occurredAt', 'tenantId', 'caseId', 'data']
        payload.event == 'case.reported'
        payload.tenantId == TENANT_A
        payload.caseId == caseA
        payload.data.caseTitle == "Fuite de données ${RUN}".toString()
        payload.data.tenantName == 'Helio Cloud'

        and: "B's webhook hears nothing of A's case"
        Thread.sleep(1000)
        deliveriesOf("/b-${RUN}", caseA).isEmpty()

        and: "the delivery log shows the receiver's answer"
        def log = api.get("/api/v1/webhooks/${hooks.a.id}/deliveries", Tokens.of('admin'))
        log.status == 200
        def logged = log.json.items.find { it.id == delivery.header('X-Taskforce-Delivery') }
        logged.event == 'case.reported'
        logged.status == 'SENT'
        logged.attempts == 1
        logged.log.size() == 1
        logged.log[0].statusCode == 200
        logged.log[0].durationMs >= 0
        api.get('/api/v1/webhooks?limit=200', Tokens.of('admin')).json.items.find { it.id == hooks.a.id }.lastDelivery.statusCode == 200
    }

    def "a firm's webhook hears of the cases its workstream is routed to, and another firm's does not"() {
        given:
        def legal = create([firm: 'LEGAL', url: receiver.url("/legal-${RUN}"), events: ['handoff.requested']])
        def reputation = create([firm: 'REPUTATION', url: receiver.url("/reputation-${RUN}"), events: ['handoff.requested']])
        assert legal.status == 201 && reputation.status == 201
        assert legal.json.webhook.owner == 'FIRM' && legal.json.webhook.firm == 'LEGAL' && legal.json.webhook.tenantId == null
        secrets.addAll([legal.json.secret, reputation.json.secret])
        hooks.legal = legal.json.webhook

        when: 'the case is triaged to communication and legal, and communication hands off to legal'
        def proposal = api.get("/api/v1/cases/${caseA}/triage-proposal", Tokens.of('consultant')).json
        def triaged = api.post("/api/v1/cases/${caseA}/triage", Tokens.of('consultant'),
                proposal + [workstreams: ['COMMUNICATION', 'LEGAL']])
        def handoff = api.post("/api/v1/cases/${caseA}/handoffs", Tokens.of('consultant'),
                [fromWorkstream: 'COMMUNICATION', toWorkstream: 'LEGAL', note: 'Mise en demeure à préparer'])

        then:
        triaged.status == 200
        handoff.status == 201
        eventually.eventually { assert deliveriesOf("/legal-${RUN}", caseA).size() == 1 }
        def delivery = deliveriesOf("/legal-${RUN}", caseA)[0]
        delivery.json.event == 'handoff.requested'
        delivery.json.tenantId == TENANT_A
        delivery.json.data.detail == 'LEGAL'
        long timestamp = delivery.header('X-Taskforce-Timestamp') as long
        WebhookSignature.verify(legal.json.secret, timestamp, delivery.body, delivery.header('X-Taskforce-Signature'))
        Thread.sleep(1000)
        deliveriesOf("/reputation-${RUN}", caseA).isEmpty()
    }

    def "a receiver answering 500 is retried with backoff, then its webhook is disabled; the change itself stands"() {
        given:
        receiver.statuses["/fail-${RUN}".toString()] = 500
        def failing = create([tenantId: TENANT_A, url: receiver.url("/fail-${RUN}"), events: ['case.reported']])
        assert failing.status == 201
        hooks.failing = failing.json.webhook
        secrets << failing.json.secret

        when:
        failingCase = report('client-a', "Panne générale ${RUN}")

        then: 'three attempts of the same delivery, each after a longer wait, then the webhook is disabled'
        eventually.eventually {
            def webhook = webhook(hooks.failing.id)
            assert !webhook.active
            assert webhook.disabledReason.contains('HTTP 500')
            assert webhook.disabledAt != null
        }
        def attempts = receiver.at("/fail-${RUN}")
        attempts.size() == 3
        attempts*.header('X-Taskforce-Delivery').unique().size() == 1
        attempts[1].at - attempts[0].at >= 290
        attempts[2].at - attempts[1].at >= 590
        webhook(hooks.failing.id).consecutiveFailures == 3

        and: 'the log shows each attempt'
        def log = api.get("/api/v1/webhooks/${hooks.failing.id}/deliveries", Tokens.of('admin')).json.items
        log.size() == 1
        log[0].status == 'PENDING'
        log[0].log*.statusCode == [500, 500, 500]

        and: 'the case exists and the consultant was told of it in the app'
        api.get("/api/v1/cases/${failingCase}", Tokens.of('client-a')).status == 200
        eventually.eventually {
            assert api.get('/api/v1/notifications', Tokens.of('consultant')).json.items.any { it.caseId == failingCase }
        }

        and: 'nothing more is attempted while it is disabled, and new events are not queued for it'
        report('client-a', "Panne générale bis ${RUN}")
        Thread.sleep(2000)
        receiver.at("/fail-${RUN}").size() == 3

        and: 'Prometheus counts sent and failed deliveries and disabled webhooks'
        def metrics = api.get('/prometheus', null).text
        metrics.contains('taskforce_notify_webhooks_sent_total')
        metrics.contains('taskforce_notify_webhooks_failed_total')
        def disabled = metrics =~ /(?m)^taskforce_notify_webhooks_disabled(\{[^}]*\})? (\S+)$/
        disabled.find()
        Double.parseDouble(disabled.group(2)) >= 1
    }

    def "an admin enables it again: the waiting delivery goes through"() {
        given:
        receiver.statuses["/fail-${RUN}".toString()] = 204

        when:
        def enabled = api.post("/api/v1/webhooks/${hooks.failing.id}/enable", Tokens.of('admin'))

        then:
        enabled.status == 200
        enabled.json.active
        enabled.json.disabledAt == null
        enabled.json.consecutiveFailures == 0
        eventually.eventually {
            def log = api.get("/api/v1/webhooks/${hooks.failing.id}/deliveries", Tokens.of('admin')).json.items
            assert log[0].status == 'SENT'
            assert log[0].log*.statusCode == [500, 500, 500, 204]
        }
        receiver.at("/fail-${RUN}").size() == 4
    }

    def "send test delivers a webhook.test at once, and the log shows it"() {
        when:
        def test = api.post("/api/v1/webhooks/${hooks.b.id}/test", Tokens.of('admin'))

        then:
        test.status == 202
        test.json.event == 'webhook.test'
        test.json.status == 'PENDING'
        test.json.log == []
        test.json.containsKey('sentAt') && test.json.sentAt == null
        eventually.eventually { assert receiver.at("/b-${RUN}").any { it.header('X-Taskforce-Event') == 'webhook.test' } }
        def delivery = receiver.at("/b-${RUN}").find { it.header('X-Taskforce-Event') == 'webhook.test' }
        delivery.header('X-Taskforce-Delivery') == test.json.id
        delivery.json.tenantId == TENANT_B
        WebhookSignature.verify(secrets[1], delivery.header('X-Taskforce-Timestamp') as long, delivery.body,
                delivery.header('X-Taskforce-Signature'))
        eventually.eventually {
            def logged = api.get("/api/v1/webhooks/${hooks.b.id}/deliveries", Tokens.of('admin')).json.items.find { it.id == test.json.id }
            assert logged.status == 'SENT'
            assert logged.log*.statusCode == [200]
        }
    }

    def "bad input answers a problem naming the field, and nothing is saved"() {
        given:
        int before = api.get('/api/v1/webhooks?limit=200', Tokens.of('admin')).json.items.size()

        when:
        def response = api.post('/api/v1/webhooks', Tokens.of('admin'), body)

        then:
        response.status == 400
        response.problem
        response.json.errors*.field.contains(field) || response.json.detail.startsWith("${field}:")
        !response.text.contains('io.taskforce')
        api.get('/api/v1/webhooks?limit=200', Tokens.of('admin')).json.items.size() == before

        where:
        body                                                                                          || field
        [tenantId: TENANT_A, url: 'http://hooks.example.com/x', events: ['case.reported']]            || 'url'
        [tenantId: TENANT_A, url: 'ftp://127.0.0.1/x', events: ['case.reported']]                     || 'url'
        [tenantId: TENANT_A, url: 'not a url', events: ['case.reported']]                             || 'url'
        [tenantId: TENANT_A, url: 'https://hooks.example.com/x', events: ['case.exploded']]           || 'events[0]'
        [tenantId: TENANT_A, url: 'https://hooks.example.com/x', events: []]                          || 'events'
        [tenantId: UUID.randomUUID().toString(), url: 'https://hooks.example.com/x', events: ['case.reported']] || 'tenantId'
        [tenantId: TENANT_A, firm: 'LEGAL', url: 'https://hooks.example.com/x', events: ['case.reported']]      || 'tenantId'
        [firm: 'MARKETING', url: 'https://hooks.example.com/x', events: ['case.reported']]            || 'firm'
    }

    def "only platform admins manage webhooks"() {
        expect:
        api.get('/api/v1/webhooks', Tokens.of(user)).status == 403
        api.post('/api/v1/webhooks', Tokens.of(user), [tenantId: TENANT_A, url: 'https://x.example.com', events: ['case.reported']]).status == 403
        api.post("/api/v1/webhooks/${hooks.a.id}/test", Tokens.of(user)).status == 403
        api.get("/api/v1/webhooks/${hooks.a.id}/deliveries", Tokens.of(user)).status == 403

        where:
        user << ['consultant', 'lawyer', 'client-a']
    }

    def "each change is audited in the owner's chain, and no secret appears in any answer or audit event"() {
        when:
        def deleted = api.delete("/api/v1/webhooks/${hooks.b.id}", Tokens.of('admin'))

        then:
        deleted.status == 204
        !api.get('/api/v1/webhooks?limit=200', Tokens.of('admin')).json.items*.id.contains(hooks.b.id)
        api.get("/api/v1/webhooks/${hooks.b.id}/deliveries", Tokens.of('admin')).status == 404
        api.post("/api/v1/webhooks/${hooks.b.id}/test", Tokens.of('admin')).status == 404

        when:
        def platform = api.get('/api/v1/platform/audit?limit=200', Tokens.of('admin'))
        def answers = [api.get('/api/v1/webhooks?limit=200', Tokens.of('admin')).text, platform.text,
                       api.get("/api/v1/webhooks/${hooks.a.id}/deliveries", Tokens.of('admin')).text,
                       api.get("/api/v1/tenants/${TENANT_A}/audit/export", Tokens.of('admin')).text,
                       api.get("/api/v1/tenants/${TENANT_B}/audit/export", Tokens.of('admin')).text]
        def stored = TestServices.superuser().withCloseable { sql ->
            sql.rows("select action, changes from audit_event where entity_type = 'webhook'")
        }

        then: 'the firm webhook in the platform chain, the tenants\' in their own'
        platform.json.items.any { it.action == 'webhook.created' && it.entityId == hooks.legal.id }
        stored*.action.containsAll(['webhook.created', 'webhook.enabled', 'webhook.tested', 'webhook.deleted'])
        stored.find { it.action == 'webhook.created' && it.changes.contains(hooks.a.url) } != null
        secrets.size() == 5
        secrets.every { secret -> answers.every { !it.contains(secret) } && stored.every { !(it.changes ?: '').contains(secret) } }
    }

    private Api.Response create(Map body) {
        api.post('/api/v1/webhooks', Tokens.of('admin'), body)
    }

    private Map webhook(String id) {
        api.get('/api/v1/webhooks?limit=200', Tokens.of('admin')).json.items.find { it.id == id } as Map
    }

    private List<WebhookReceiver.Received> deliveriesOf(String path, String caseId) {
        receiver.at(path).findAll { it.json.caseId == caseId }
    }

    private String report(String client, String title) {
        def response = api.post('/api/v1/cases', Tokens.of(client), [
                title     : title, summary: 'Des données clients ont été exposées ; enquête en cours.',
                occurredAt: '2026-12-01T03:00:00Z', personalData: true])
        assert response.status == 201
        response.json.id
    }
}
