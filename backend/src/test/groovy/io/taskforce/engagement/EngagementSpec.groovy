package io.taskforce.engagement

import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * Working a crisis through the API with real tokens, on an outage of Helio Cloud: the running log (written and
 * automatic entries, filters, keyset, the client's public view), the stakeholder map proposed at triage, the rumour
 * log, and one audit event per change.
 */
@Stepwise
@RealServices
class EngagementSpec extends Specification {

    static final String CONSULTANT_ID = '5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3'
    static final String LAWYER_ID = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'
    static final String REPUTATION_ID = '7e2c3d4a-5f6b-4c7d-8e8f-90a1b2c3d4e5'

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api = new Api(server.URI)
    @Shared String caseId
    @Shared Map<String, String> ids = [:]

    def setupSpec() {
        ['consultant', 'lawyer', 'reputation'].each { api.get('/api/v1/me', Tokens.of(it)) }
        caseId = api.post('/api/v1/cases', Tokens.of('client-a'), [title: "Panne du datacenter RBX ${UUID.randomUUID().toString().take(6)}",
                summary: 'Les serveurs de Roubaix ne répondent plus.', personalData: false]).json.id
    }

    def "triage of an outage logs itself, proposes the usual stakeholders, and team changes log themselves too"() {
        when:
        def triaged = api.post("/api/v1/cases/${caseId}/triage", Tokens.of('consultant'), [crisisTypes: ['OUTAGE'],
                cluster: 'ACCIDENTAL', severity: 3, kinetics: 'FAST', phase: 'HOT', workstreams: ['COMMUNICATION', 'LEGAL', 'REPUTATION'], tasks: []])
        [[userId: LAWYER_ID, workstream: 'LEGAL', lead: true], [userId: REPUTATION_ID, workstream: 'REPUTATION', lead: true]].each {
            assert api.post("/api/v1/cases/${caseId}/team", Tokens.of('consultant'), it).status == 201
        }
        def log = api.get("/api/v1/cases/${caseId}/log", Tokens.of('consultant')).json.items
        def stakeholders = api.get("/api/v1/cases/${caseId}/stakeholders", Tokens.of('consultant')).json

        then:
        triaged.status == 200
        log*.kind == ['TEAM', 'TEAM', 'TRIAGE']
        log.every { it.automatic && !it.public && it.authorId == CONSULTANT_ID }
        log[2].text.startsWith('Dossier qualifié : panne, gravité 3, crise chaude') // Helio Cloud speaks French
        log[2].event == 'TRIAGED' && log[2].params.severity == '3'
        log[0].text.contains('rejoint l\'équipe')
        stakeholders*.group as Set == ['CUSTOMERS', 'EMPLOYEES', 'REGULATOR', 'MEDIA'] as Set
        stakeholders.every { it.proposed && !it.informed }
        stakeholders[0].power == 5 // the regulator first: highest power

        when: 'triaging again proposes nothing twice'
        api.post("/api/v1/cases/${caseId}/triage", Tokens.of('consultant'), [crisisTypes: ['OUTAGE'],
                cluster: 'ACCIDENTAL', severity: 3, kinetics: 'FAST', phase: 'HOT', workstreams: ['COMMUNICATION', 'LEGAL', 'REPUTATION'], tasks: []])

        then:
        api.get("/api/v1/cases/${caseId}/stakeholders", Tokens.of('consultant')).json.size() == 4
    }

    def "the team logs facts and decisions; a lawyer writes in the legal workstream only"() {
        when:
        def fact = api.post("/api/v1/cases/${caseId}/log", Tokens.of('consultant'), [kind: 'FACT', public: true,
                text: 'Les services de Roubaix sont rétablis à 60 %.', occurredAt: '2026-03-10T05:00:00Z',
                links: ['https://status.helio.example/rbx'], workstream: 'COMMUNICATION'])
        def internal = api.post("/api/v1/cases/${caseId}/log", Tokens.of('consultant'), [kind: 'DECISION',
                text: 'Ne pas citer le fournisseur d’onduleurs avant l’expertise.', occurredAt: '2026-03-10T06:00:00Z'])
        def legal = api.post("/api/v1/cases/${caseId}/log", Tokens.of('lawyer'), [kind: 'FACT', workstream: 'LEGAL',
                text: 'Déclaration à l’assureur envoyée.', occurredAt: '2026-03-10T07:00:00Z'])
        def refused = api.post("/api/v1/cases/${caseId}/log", Tokens.of('lawyer'), [kind: 'FACT', workstream: 'COMMUNICATION', text: 'x'])
        ids.fact = fact.json.id
        ids.internal = internal.json.id

        then:
        fact.status == 201 && fact.json.public && fact.json.links == ['https://status.helio.example/rbx'] && !fact.json.automatic
        internal.status == 201 && !internal.json.public
        legal.status == 201 && legal.json.authorId == LAWYER_ID
        refused.status == 403 && refused.problem
        lastAudit().action == 'log.entry_added'
    }

    def "bad entries answer a problem naming the field, and add nothing"() {
        given:
        int before = count('log_entry')

        expect:
        with(api.post("/api/v1/cases/${caseId}/log", Tokens.of('consultant'), body)) { status == 400 && problem && text.contains(field) }
        count('log_entry') == before

        where:
        body                                                   || field
        [kind: 'TRIAGE', text: 'I pretend to be the product']  || 'kind'
        [kind: 'FACT', text: ' ']                              || 'text'
        [kind: 'FACT', text: 'x', links: ['javascript:x()']]   || 'links'
        [kind: 'FACT', text: 'x', occurredAt: '2099-01-01T00:00:00Z'] || 'occurredAt'
        [kind: 'FACT', text: 'x', taskId: UUID.randomUUID().toString()] || 'taskId'
    }

    def "the log lists newest fact first, filters by workstream, author, public and period, and pages by keyset"() {
        when:
        def all = api.get("/api/v1/cases/${caseId}/log", Tokens.of('consultant')).json.items
        def first = api.get("/api/v1/cases/${caseId}/log?limit=2", Tokens.of('consultant')).json
        def second = api.get("/api/v1/cases/${caseId}/log?limit=2&after=${first.next}", Tokens.of('consultant')).json

        then:
        all*.occurredAt == all*.occurredAt.toSorted().reverse()
        first.items*.id + second.items*.id == all.take(4)*.id
        api.get("/api/v1/cases/${caseId}/log?workstream=LEGAL", Tokens.of('reputation')).json.items*.authorId == [LAWYER_ID]
        api.get("/api/v1/cases/${caseId}/log?author=${LAWYER_ID}", Tokens.of('consultant')).json.items.size() == 1
        api.get("/api/v1/cases/${caseId}/log?publicOnly=true", Tokens.of('consultant')).json.items*.id == [ids.fact]
        api.get("/api/v1/cases/${caseId}/log?from=2026-03-10T05:30:00Z&to=2026-03-10T06:30:00Z", Tokens.of('consultant')).json.items*.id == [ids.internal]
        api.get("/api/v1/cases/${caseId}/log?after=not-a-cursor", Tokens.of('consultant')).status == 400
    }

    def "the client reads the public entries only, whatever they ask; the status change is public"() {
        when:
        api.post("/api/v1/cases/${caseId}/status", Tokens.of('consultant'), [status: 'ACTIVE'])
        def seen = api.get("/api/v1/cases/${caseId}/log?publicOnly=false", Tokens.of('client-a')).json.items

        then:
        seen*.kind == ['STATUS', 'FACT']
        seen[0].text == 'Statut passé de « qualifié » à « actif ».'
        seen*.id.contains(ids.fact)
        !seen*.id.contains(ids.internal)
        api.get("/api/v1/cases/${caseId}/log", Tokens.of('client-b')).status == 404
    }

    def "the consultant keeps or drops proposed stakeholders, places the CNIL, and marks customers informed"() {
        given:
        def proposed = api.get("/api/v1/cases/${caseId}/stakeholders", Tokens.of('consultant')).json
        def customers = proposed.find { it.group == 'CUSTOMERS' }
        def employees = proposed.find { it.group == 'EMPLOYEES' }

        when:
        def kept = api.patch("/api/v1/stakeholders/${customers.id}", Tokens.of('consultant'), [kept: true, channel: 'E-mail', ownerId: CONSULTANT_ID])
        def dropped = api.delete("/api/v1/stakeholders/${employees.id}", Tokens.of('consultant'))
        def cnil = api.post("/api/v1/cases/${caseId}/stakeholders", Tokens.of('consultant'), [group: 'REGULATOR', name: 'CNIL',
                expectations: 'Notification sous 72 heures', power: 5, interest: 2])
        def notInformedBefore = api.get("/api/v1/cases/${caseId}/stakeholders?notInformed=true", Tokens.of('lawyer')).json
        def informed = api.patch("/api/v1/stakeholders/${customers.id}", Tokens.of('consultant'), [informed: true])
        def notInformedAfter = api.get("/api/v1/cases/${caseId}/stakeholders?notInformed=true", Tokens.of('consultant')).json

        then:
        kept.status == 200 && !kept.json.proposed && kept.json.ownerName && kept.json.quadrant == 'MANAGE_CLOSELY'
        dropped.status == 204
        cnil.status == 201 && cnil.json.quadrant == 'KEEP_SATISFIED'
        notInformedBefore*.power == notInformedBefore*.power.toSorted().reverse()
        notInformedBefore*.id.contains(customers.id)
        informed.json.informed && informed.json.informedBy == CONSULTANT_ID && informed.json.informedAt
        !notInformedAfter*.id.contains(customers.id)
        lastAudit().action == 'stakeholder.informed'
        api.post("/api/v1/cases/${caseId}/stakeholders", Tokens.of('lawyer'), [group: 'MEDIA', name: 'x', power: 1, interest: 1]).status == 403
        api.post("/api/v1/cases/${caseId}/stakeholders", Tokens.of('consultant'), [group: 'MEDIA', name: 'x', power: 6, interest: 1]).status == 400
        api.patch("/api/v1/stakeholders/${customers.id}", Tokens.of('consultant'), [ownerId: UUID.randomUUID().toString()]).status == 400
        api.get("/api/v1/cases/${caseId}/stakeholders", Tokens.of('client-a')).status == 403
    }

    def "a rumour is watched, debunked once with a public response in the running log, and its time-to-debunk measured"() {
        when:
        def older = api.post("/api/v1/cases/${caseId}/rumours", Tokens.of('reputation'), [claim: 'Toutes les données clients sont perdues',
                sourceUrl: 'https://social.example/p/1', firstSeenAt: '2026-03-10T04:00:00Z', reach: 12000])
        def newer = api.post("/api/v1/cases/${caseId}/rumours", Tokens.of('consultant'), [claim: 'Un salarié aurait causé le feu',
                firstSeenAt: '2026-03-10T06:00:00Z'])
        def open = api.get("/api/v1/cases/${caseId}/rumours?open=true", Tokens.of('lawyer')).json
        def debunked = api.post("/api/v1/rumours/${older.json.id}/resolve", Tokens.of('consultant'), [status: 'DEBUNKED',
                response: 'Les sauvegardes sont intactes : aucune donnée client n’est perdue.', public: true])
        def again = api.post("/api/v1/rumours/${older.json.id}/resolve", Tokens.of('consultant'), [status: 'CONFIRMED', response: 'x'])
        def response = api.get("/api/v1/cases/${caseId}/log?publicOnly=true", Tokens.of('client-a')).json.items.find { it.kind == 'RUMOUR' }

        then:
        older.status == 201 && older.json.status == 'WATCHING' && older.json.minutesToDebunk == null
        open*.id == [older.json.id, newer.json.id]
        debunked.status == 200 && debunked.json.status == 'DEBUNKED' && debunked.json.minutesToDebunk > 0
        debunked.json.responseText.startsWith('Les sauvegardes sont intactes')
        again.status == 409 && again.problem
        response.id == debunked.json.responseEntryId
        api.get("/api/v1/cases/${caseId}/rumours?open=true", Tokens.of('consultant')).json*.id == [newer.json.id]
        api.post("/api/v1/cases/${caseId}/rumours", Tokens.of('lawyer'), [claim: 'x']).status == 403
        api.post("/api/v1/rumours/${newer.json.id}/resolve", Tokens.of('consultant'), [status: 'WATCHING', response: 'x']).status == 400
        api.post("/api/v1/cases/${caseId}/rumours", Tokens.of('consultant'), [claim: 'x', sourceUrl: 'ftp://x']).status == 400
    }

    def "the report downloads as a PDF: the staff version tells everything, the client's version the public story only"() {
        when:
        def staff = pdfText('consultant')
        def client = pdfText('client-a')

        then: 'both in the tenant\'s language, with the summary and the public entries'
        [staff, client].every { it.contains('Rapport de crise') && it.contains('Les serveurs de Roubaix ne répondent plus.') }
        [staff, client].every { it.contains('Les services de Roubaix sont rétablis à 60 %.') && it.contains('aucune donnée client n’est perdue') }

        and: 'the staff version holds the internal entries, triage, team, stakeholders, tasks and open rumours'
        staff.contains('Version équipe')
        staff.contains('Ne pas citer le fournisseur')
        staff.contains('Qualification') && staff.contains('Gravité')
        staff.contains('Louise Garnier')
        staff.contains('CNIL') && staff.contains('Satisfaire')
        staff.contains('Un salarié aurait causé le feu')
        !staff.contains('Toutes les données clients sont perdues') // debunked: no longer open

        and: 'the client version holds none of them'
        client.contains('Version client')
        !client.contains('Ne pas citer le fournisseur')
        !client.contains('Déclaration à l’assureur')
        !client.contains('Gravité')
        !client.contains('Louise Garnier')
        !client.contains('CNIL')
        !client.contains('Un salarié aurait causé le feu')
        !client.contains('rejoint l')

        and: 'off the team or the tenant, the same 404 as a missing case'
        pdf('client-b').statusCode() == 404
    }

    private java.net.http.HttpResponse<byte[]> pdf(String user) {
        def request = java.net.http.HttpRequest.newBuilder(server.URI.resolve("/api/v1/cases/${caseId}/report.pdf"))
                .header('Authorization', "Bearer ${Tokens.of(user)}").GET().build()
        java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray())
    }

    private String pdfText(String user) {
        def response = pdf(user)
        assert response.statusCode() == 200
        assert response.headers().firstValue('Content-Type').get().startsWith('application/pdf')
        org.apache.pdfbox.Loader.loadPDF(response.body()).withCloseable { new org.apache.pdfbox.text.PDFTextStripper().getText(it) }
                .replaceAll(/\s+/, ' ')
    }

    private int count(String table) {
        TestServices.superuser().withCloseable { it.firstRow("select count(*) as n from ${table} where case_id = '${caseId}'".toString()).n as int }
    }

    private Map lastAudit() {
        TestServices.superuser().withCloseable {
            it.firstRow("select action, changes from audit_event where case_id = '${caseId}' order by seq desc limit 1".toString()) as Map
        }
    }
}
