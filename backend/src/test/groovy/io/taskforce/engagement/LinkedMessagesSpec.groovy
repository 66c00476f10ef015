package io.taskforce.engagement

import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.MessageGate
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

/**
 * The running log and the rumour log name published messages, through the API with real tokens: only a message that
 * stands published on the same case is taken (a draft, a withdrawn message, another case's, another tenant's or an
 * unknown id is refused with nothing saved); the linked title shows to the team, to the client where the entry is
 * public, and in the report. The tenant's clients hear of each public entry, and of nothing else.
 */
@Stepwise
@RealServices
class LinkedMessagesSpec extends Specification {

    static final String LAWYER_ID = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api = new Api(server.URI)
    @Shared Map<String, String> cases = [:]
    @Shared Map<String, String> messages = [:]
    @Shared String rumourId
    PollingConditions eventually = new PollingConditions(timeout: 20, delay: 0.2)

    def setupSpec() {
        ['consultant', 'lawyer'].each { api.get('/api/v1/me', Tokens.of(it)) }
        cases.own = openCase('client-a', 'Incendie Helio Cloud')
        cases.sibling = openCase('client-a', 'Panne Helio Cloud')
        cases.otherTenant = openCase('client-b', 'Rappel Maison Verdier')
        messages.published = published(cases.own, 'Point de situation : les données sont intactes')
        messages.draft = api.post("/api/v1/cases/${cases.own}/messages", Tokens.of('consultant'), statement('Brouillon')).json.id
        messages.withdrawn = published(cases.own, 'Premier communiqué')
        assert api.post("/api/v1/messages/${messages.withdrawn}/withdraw", Tokens.of('consultant')).status == 200
        messages.otherCase = published(cases.sibling, 'Communiqué sur la panne')
        messages.otherTenant = published(cases.otherTenant, 'Communiqué Verdier')
        messages.unknown = UUID.randomUUID().toString()
        rumourId = api.post("/api/v1/cases/${cases.own}/rumours", Tokens.of('consultant'),
                [claim: 'Toutes les données clients sont perdues', firstSeenAt: '2026-03-10T04:00:00Z']).json.id
    }

    def "a log entry or a rumour's response naming a #which message is refused, and nothing is saved"() {
        given:
        int entries = count('log_entry')

        when:
        def entry = api.post("/api/v1/cases/${cases.own}/log", Tokens.of('consultant'),
                [kind: 'FACT', text: 'Communiqué diffusé.', messageId: messages[which]])
        def response = api.post("/api/v1/rumours/${rumourId}/resolve", Tokens.of('consultant'),
                [status: 'DEBUNKED', response: 'Démenti.', public: true, messageId: messages[which]])

        then:
        [entry, response].every { it.status == 400 && it.problem && it.json.detail.startsWith('messageId: no message published on this case') }
        count('log_entry') == entries
        api.get("/api/v1/cases/${cases.own}/rumours", Tokens.of('consultant')).json.find { it.id == rumourId }.status == 'WATCHING'

        where:
        which << ['draft', 'withdrawn', 'otherCase', 'otherTenant', 'unknown']
    }

    def "a rumour debunked with the message published on its case shows the message's title, to the team and to the client"() {
        when:
        def debunked = api.post("/api/v1/rumours/${rumourId}/resolve", Tokens.of('consultant'), [status: 'DEBUNKED',
                response: 'Les sauvegardes sont intactes.', public: true, messageId: messages.published])
        def listed = api.get("/api/v1/cases/${cases.own}/rumours", Tokens.of('lawyer')).json.find { it.id == rumourId }
        def seen = api.get("/api/v1/cases/${cases.own}/log", Tokens.of('client-a')).json.items.find { it.kind == 'RUMOUR' }

        then:
        debunked.status == 200
        debunked.json.messageId == messages.published
        debunked.json.messageTitle == 'Point de situation : les données sont intactes'
        listed.messageTitle == debunked.json.messageTitle
        seen.id == debunked.json.responseEntryId
        seen.messageId == messages.published && seen.messageTitle == debunked.json.messageTitle
        lastAudit().action == 'rumour.resolved'
        lastAudit().changes.contains(messages.published)
    }

    def "a log entry links the published message; an entry without one says so with nulls"() {
        when:
        def linked = api.post("/api/v1/cases/${cases.own}/log", Tokens.of('consultant'), [kind: 'DECISION', public: true,
                text: 'Publier un point toutes les deux heures.', messageId: messages.published])
        def plain = api.post("/api/v1/cases/${cases.own}/log", Tokens.of('consultant'), [kind: 'FACT',
                text: 'Les assureurs sont prévenus, rien à dire au client.'])

        then:
        linked.status == 201 && linked.json.messageTitle == 'Point de situation : les données sont intactes'
        lastAudit(1).changes.contains(messages.published)
        plain.status == 201 && plain.json.containsKey('messageId') && plain.json.messageId == null && plain.json.messageTitle == null
    }

    def "the tenant's client hears of each public entry; an internal entry reaches nobody outside the team"() {
        expect:
        eventually.eventually {
            def told = notifications('client-a').findAll { it.event == 'log.public_entry' && it.caseId == cases.own }
            assert told*.detail as Set == ['Les sauvegardes sont intactes.', 'Publier un point toutes les deux heures.'] as Set
        }
        outbox('log.public_entry').size() == 2
        outbox('log.public_entry').every { it.recipients.size() >= 1 }
        !notifications('client-b').any { it.caseId == cases.own }
        !notifications('lawyer').any { it.event == 'log.public_entry' } // the team reads the log itself
        !outboxText().contains('rien à dire au client')
    }

    def "the report names the linked message in both versions"() {
        expect:
        ['consultant', 'client-a'].every { pdfText(it).contains('Message publié : « Point de situation : les données sont intactes »') }
    }

    private String openCase(String client, String title) {
        String id = api.post('/api/v1/cases', Tokens.of(client), [title: "${title} ${UUID.randomUUID().toString().take(6)}",
                summary: 'Un incident touche nos services.', personalData: false]).json.id
        assert api.post("/api/v1/cases/${id}/triage", Tokens.of('consultant'), [crisisTypes: ['OUTAGE'], cluster: 'ACCIDENTAL',
                severity: 3, kinetics: 'FAST', phase: 'HOT', workstreams: ['COMMUNICATION', 'LEGAL'], tasks: []]).status == 200
        assert api.post("/api/v1/cases/${id}/team", Tokens.of('consultant'), [userId: LAWYER_ID, workstream: 'LEGAL', lead: true]).status == 201
        id
    }

    private static Map statement(String title) {
        [kind: 'PRESS_RELEASE', title: title, language: 'fr', body: 'Nous faisons le point sur la situation.',
         channels: ['PRESS'], audience: ['CUSTOMERS']]
    }

    private String published(String caseId, String title) {
        MessageGate.published(api, caseId, statement(title))
    }

    private List notifications(String user) {
        api.get('/api/v1/notifications?limit=100', Tokens.of(user)).json.items
    }

    private List<Map> outbox(String event) {
        TestServices.superuser().withCloseable {
            it.rows("select recipients::text as recipients, params::text as params from notify_outbox where case_id = '${cases.own}' and event = '${event}'".toString())
                    .collect { [recipients: it.recipients.toString().replaceAll(/[{}]/, '').split(',').findAll(), params: it.params] }
        }
    }

    private String outboxText() {
        TestServices.superuser().withCloseable {
            it.rows("select params::text as p from notify_outbox where case_id = '${cases.own}'".toString())*.p.join('\n')
        }
    }

    private String pdfText(String user) {
        def request = java.net.http.HttpRequest.newBuilder(server.URI.resolve("/api/v1/cases/${cases.own}/report.pdf"))
                .header('Authorization', "Bearer ${Tokens.of(user)}").GET().build()
        def response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
        assert response.statusCode() == 200
        org.apache.pdfbox.Loader.loadPDF(response.body()).withCloseable { new org.apache.pdfbox.text.PDFTextStripper().getText(it) }
                .replaceAll(/\s+/, ' ')
    }

    private int count(String table) {
        TestServices.superuser().withCloseable { it.firstRow("select count(*) as n from ${table} where case_id = '${cases.own}'".toString()).n as int }
    }

    private Map lastAudit(int skip = 0) {
        TestServices.superuser().withCloseable {
            def row = it.firstRow("select action, changes::text as changes from audit_event where case_id = '${cases.own}' order by seq desc limit 1 offset ${skip}".toString())
            [action: row.action, changes: row.changes]
        }
    }
}
