package io.taskforce.messages

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

import java.security.MessageDigest

/**
 * The sign-off gate through the API with real tokens, on a case of Helio Cloud: a consultant drafts, the team's
 * lawyers review, the consultant publishes exactly the approved words, the client reads them frozen.
 */
@Stepwise
@RealServices
class MessagesSpec extends Specification {

    static final String LAWYER_ID = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'
    static final String LAWYER2_ID = 'b25a6b7e-9d0f-4a1b-8c23-d4e5f6071829'
    static final String CONSULTANT_ID = '5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3'
    static final String REPUTATION_ID = '7e2c3d4a-5f6b-4c7d-8e8f-90a1b2c3d4e5'

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api = new Api(server.URI)
    @Shared String caseId
    @Shared String messageId
    @Shared Map current
    PollingConditions eventually = new PollingConditions(timeout: 20, delay: 0.2)

    def setupSpec() {
        ['consultant', 'consultant2', 'lawyer', 'lawyer2', 'reputation'].each { api.get('/api/v1/me', Tokens.of(it)) }
        caseId = api.post('/api/v1/cases', Tokens.of('client-a'), [title: "Incendie du datacenter SBG-2 ${UUID.randomUUID().toString().take(6)}",
                summary: 'Un incendie s’est déclaré cette nuit dans le bâtiment SBG-2.', personalData: false]).json.id
        assert api.post("/api/v1/cases/${caseId}/triage", Tokens.of('consultant'), [crisisTypes: ['OUTAGE', 'INDUSTRIAL_ACCIDENT'],
                cluster: 'ACCIDENTAL', severity: 4, kinetics: 'FAST', phase: 'HOT',
                workstreams: ['COMMUNICATION', 'LEGAL', 'REPUTATION'], tasks: []]).status == 200
        [[userId: LAWYER_ID, workstream: 'LEGAL', lead: true], [userId: LAWYER2_ID, workstream: 'LEGAL', lead: false],
         [userId: REPUTATION_ID, workstream: 'REPUTATION', lead: true]].each {
            assert api.post("/api/v1/cases/${caseId}/team", Tokens.of('consultant'), it).status == 201
        }
    }

    static Map holding(Map changes = [:]) {
        [kind: 'HOLDING_STATEMENT', title: 'Incendie sur notre site de Strasbourg', language: 'fr',
         body: 'Cette nuit, un incendie a touché notre bâtiment SBG-2. Il est probablement dû à un onduleur.\n\nNous comprenons l’inquiétude de nos clients.',
         channels: ['PRESS', 'SOCIAL'], audience: ['CUSTOMERS', 'MEDIA']] + changes
    }

    static String sha256(String text) {
        MessageDigest.getInstance('SHA-256').digest(text.getBytes('UTF-8')).encodeHex().toString()
    }

    def "a consultant on the team drafts a holding statement: revision 1, its author and the hash of its canonical words"() {
        when:
        def created = api.post("/api/v1/cases/${caseId}/messages", Tokens.of('consultant'), holding())
        messageId = created.json.id
        current = created.json.currentRevision

        then:
        created.status == 201
        created.json.state == 'DRAFT'
        current.number == 1
        current.authorId == CONSULTANT_ID
        current.sha256 == sha256('{"audience":["CUSTOMERS","MEDIA"],"body":"' + holding().body.replace('\n', '\\n') +
                '","channels":["PRESS","SOCIAL"],"language":"fr","title":"Incendie sur notre site de Strasbourg"}')
        auditActions().last() == 'message.created'
    }

    def "bad input answers a problem naming the field, and saves nothing"() {
        given:
        int before = messageCount()

        expect:
        with(api.post("/api/v1/cases/${caseId}/messages", Tokens.of('consultant'), holding(change))) {
            status == 400 && problem && text.contains(field)
        }
        messageCount() == before

        where:
        change                      || field
        [channels: []]              || 'channels'
        [language: 'de']            || 'language'
        [kind: 'TWEETSTORM']        || 'PRESS_RELEASE'
        [title: ' ']                || 'title'
        [audience: ['MARTIANS']]    || 'CUSTOMERS'
    }

    def "a reputation specialist on the team may not draft (403); staff off the team see nothing (404); drafts are no client's route (403)"() {
        expect:
        api.post("/api/v1/cases/${caseId}/messages", Tokens.of('reputation'), holding()).status == 403
        api.post("/api/v1/cases/${caseId}/messages", Tokens.of('consultant2'), holding()).status == 404
        api.get("/api/v1/messages/${messageId}", Tokens.of('consultant2')).status == 404
        api.get("/api/v1/messages/${messageId}/revisions/1", Tokens.of('consultant2')).status == 404
        api.get("/api/v1/messages/${messageId}", Tokens.of('client-a')).status == 403
        api.get("/api/v1/messages/${messageId}/revisions/1", Tokens.of('client-a')).status == 403
        api.get("/api/v1/cases/${caseId}/messages", Tokens.of('client-a')).status == 403
        messageCount() == 1
    }

    def "the revision shows its exact words and the check's warnings with the words that triggered them"() {
        when:
        def revision = api.get("/api/v1/messages/${messageId}/revisions/1", Tokens.of('lawyer')).json

        then:
        revision.body == holding().body
        revision.sha256 == current.sha256
        def speculation = revision.warnings.find { it.rule == 'speculation' }
        speculation.spans*.text == ['probablement']
        revision.body.substring(speculation.spans[0].start, speculation.spans[0].end) == 'probablement'
    }

    def "submitting asks every lawyer of the team, in-app (and by e-mail per their preferences)"() {
        when:
        def submitted = api.post("/api/v1/messages/${messageId}/submit", Tokens.of('consultant'), [revision: 1])

        then:
        submitted.status == 200
        submitted.json.state == 'IN_REVIEW'
        auditActions().last() == 'message.submitted'
        eventually.eventually {
            ['lawyer', 'lawyer2'].each { user ->
                assert notifications(user).any { it.event == 'message.review_requested' && it.detail == holding().title && it.caseId == caseId }
            }
        }
    }

    def "refusals while in review: publishing, approving with another hash or an old revision, and approving as a consultant"() {
        expect:
        with(api.post("/api/v1/messages/${messageId}/publish", Tokens.of('consultant'), [revision: 1, sha256: current.sha256])) {
            status == 409 && problem && json.detail.contains('approved')
        }
        api.post("/api/v1/messages/${messageId}/approve", Tokens.of('lawyer'), [revision: 1, sha256: 'f' * 64]).status == 409
        api.post("/api/v1/messages/${messageId}/approve", Tokens.of('lawyer'), [revision: 2, sha256: current.sha256]).status == 409
        api.post("/api/v1/messages/${messageId}/approve", Tokens.of('consultant'), [revision: 1, sha256: current.sha256]).status == 403
        api.post("/api/v1/messages/${messageId}/approve", Tokens.of('lawyer'), [revision: 1, sha256: 'nothex']).status == 400
        api.get("/api/v1/messages/${messageId}", Tokens.of('consultant')).json.state == 'IN_REVIEW'
    }

    def "the lawyer requests a change; the consultant edits over the current revision, a stale edit is refused"() {
        when:
        def changes = api.post("/api/v1/messages/${messageId}/request-changes", Tokens.of('lawyer'),
                [revision: 1, comment: 'Pas de spéculation sur la cause.'])
        def edited = api.put("/api/v1/messages/${messageId}", Tokens.of('consultant'),
                holding([body: 'Cette nuit, un incendie a touché notre bâtiment SBG-2. Sa cause est en cours d’analyse.\n\nNous comprenons l’inquiétude de nos clients.', baseRevision: 1]))
        def stale = api.put("/api/v1/messages/${messageId}", Tokens.of('lawyer'), holding([baseRevision: 1]))
        current = edited.json.currentRevision

        then:
        changes.json.state == 'CHANGES_REQUESTED'
        changes.json.changeRequests[0].comment == 'Pas de spéculation sur la cause.'
        edited.status == 200
        edited.json.state == 'DRAFT'
        current.number == 2
        stale.status == 409
        api.get("/api/v1/messages/${messageId}/revisions/2", Tokens.of('lawyer')).json.warnings*.rule.every { it != 'speculation' }
    }

    def "approval names revision, hash, lawyer and time, and the event in the audit trail carries the hash"() {
        given:
        api.post("/api/v1/messages/${messageId}/submit", Tokens.of('consultant'), [revision: 2])

        when:
        def approved = api.post("/api/v1/messages/${messageId}/approve", Tokens.of('lawyer'), [revision: 2, sha256: current.sha256])

        then:
        approved.status == 200
        approved.json.state == 'APPROVED'
        approved.json.approvals.size() == 1
        // checked field by field: inside with(map) { } a name like `current` would be looked up in the map
        approved.json.approvals[0].revision == 2
        approved.json.approvals[0].sha256 == current.sha256
        approved.json.approvals[0].lawyerId == LAWYER_ID
        approved.json.approvals[0].at
        lastAudit().action == 'message.approved'
        lastAudit().changes.contains(current.sha256)
    }

    def "an edit after approval makes a new revision back in DRAFT: the old approval cannot publish the new words"() {
        given:
        def approvedRevision = current

        when:
        def edited = api.put("/api/v1/messages/${messageId}", Tokens.of('consultant'),
                holding([title: 'Incendie à Strasbourg : point de situation', body: api.get("/api/v1/messages/${messageId}/revisions/2",
                        Tokens.of('consultant')).json.body, baseRevision: 2]))
        current = edited.json.currentRevision

        then:
        edited.json.state == 'DRAFT'
        current.number == 3
        edited.json.approvals*.revision == [2]
        api.post("/api/v1/messages/${messageId}/publish", Tokens.of('consultant'), [revision: 2, sha256: approvedRevision.sha256]).status == 409
        api.post("/api/v1/messages/${messageId}/publish", Tokens.of('consultant'), [revision: 3, sha256: current.sha256]).status == 409
    }

    def "the consultant publishes the approved words; a lawyer may not record a publication"() {
        given:
        api.post("/api/v1/messages/${messageId}/submit", Tokens.of('consultant'), [revision: 3])
        api.post("/api/v1/messages/${messageId}/approve", Tokens.of('lawyer2'), [revision: 3, sha256: current.sha256])

        when:
        def byLawyer = api.post("/api/v1/messages/${messageId}/publish", Tokens.of('lawyer'), [revision: 3, sha256: current.sha256])
        def published = api.post("/api/v1/messages/${messageId}/publish", Tokens.of('consultant'), [revision: 3, sha256: current.sha256])

        then:
        byLawyer.status == 403
        published.status == 200
        published.json.state == 'PUBLISHED'
        published.json.publications*.revision == [3]
        published.json.publications[0].sha256 == current.sha256
        lastAudit().action == 'message.published'
        lastAudit().changes.contains(current.sha256)
    }

    def "the client reads the published words, frozen, and is told; the other client sees nothing"() {
        when:
        def seen = api.get("/api/v1/cases/${caseId}/published-messages", Tokens.of('client-a'))

        then:
        seen.status == 200
        seen.json.size() == 1
        def words = seen.json[0]
        words.title == 'Incendie à Strasbourg : point de situation'
        words.revision == 3
        words.sha256 == current.sha256
        words.state == 'PUBLISHED'
        words.publishedAt
        words.body.contains('Sa cause est en cours d’analyse')
        api.get("/api/v1/cases/${caseId}/published-messages", Tokens.of('client-b')).status == 404
        eventually.eventually {
            assert notifications('client-a').any { it.event == 'message.published' && it.caseId == caseId }
        }
    }

    def "a draft started over a published message leaves the client the published words; withdrawal shows as withdrawn"() {
        when:
        api.put("/api/v1/messages/${messageId}", Tokens.of('consultant'), holding([title: 'Mise à jour', baseRevision: 3]))
        def whileDrafting = api.get("/api/v1/cases/${caseId}/published-messages", Tokens.of('client-a')).json
        def refused = api.post("/api/v1/messages/${messageId}/withdraw", Tokens.of('consultant'))

        then:
        whileDrafting*.title == ['Incendie à Strasbourg : point de situation']
        refused.status == 409

        when: 'a message that stays published is withdrawn'
        def other = publishedMessage()
        def withdrawn = api.post("/api/v1/messages/${other}/withdraw", Tokens.of('consultant'))
        def after = api.get("/api/v1/cases/${caseId}/published-messages", Tokens.of('client-a')).json.find { it.id == other }

        then:
        withdrawn.json.state == 'WITHDRAWN'
        after.state == 'WITHDRAWN'
        after.withdrawnAt
        api.put("/api/v1/messages/${other}", Tokens.of('consultant'), holding([baseRevision: 1])).status == 409
    }

    def "a lawyer who wrote a revision cannot approve it; another lawyer of the team can"() {
        given:
        def draft = api.post("/api/v1/cases/${caseId}/messages", Tokens.of('lawyer'), holding([kind: 'FAQ_ENTRY', title: 'FAQ : mes données sont-elles perdues ?']))
        def revision = draft.json.currentRevision
        api.post("/api/v1/messages/${draft.json.id}/submit", Tokens.of('lawyer'), [revision: 1])

        expect:
        with(api.post("/api/v1/messages/${draft.json.id}/approve", Tokens.of('lawyer'), [revision: 1, sha256: revision.sha256])) {
            status == 403 && json.detail.contains('four eyes')
        }
        api.post("/api/v1/messages/${draft.json.id}/approve", Tokens.of('lawyer2'), [revision: 1, sha256: revision.sha256]).json.state == 'APPROVED'
    }

    def "a template a lawyer approved serves the first hour: filled in, it is approved at once and publishable"() {
        given:
        def template = api.get('/api/v1/message-templates', Tokens.of('lawyer')).json.find { it.id == 'holding-outage-fr' }
        def fills = [date: '10 mars 2021', place: 'notre site de Strasbourg', facts: 'un incendie a touché le bâtiment SBG-2, sans blessé',
                     actions: 'les pompiers sont intervenus et nos équipes sont mobilisées', nextUpdate: 'demain à 9 h']

        expect: 'a consultant may not approve it, and a wrong hash is refused'
        api.post('/api/v1/message-templates/holding-outage-fr/approve', Tokens.of('consultant'), [sha256: template.sha256]).status == 403
        api.post('/api/v1/message-templates/holding-outage-fr/approve', Tokens.of('lawyer'), [sha256: 'a' * 64]).status == 409

        when:
        def approvedTemplate = api.post('/api/v1/message-templates/holding-outage-fr/approve', Tokens.of('lawyer'), [sha256: template.sha256])
        def created = api.post("/api/v1/cases/${caseId}/messages/from-template", Tokens.of('consultant'),
                [templateId: 'holding-outage-fr', fills: fills, channels: ['PRESS', 'WEBSITE'], audience: ['CUSTOMERS', 'PUBLIC']])
        def words = api.get("/api/v1/messages/${created.json.id}/revisions/1", Tokens.of('consultant')).json

        then:
        approvedTemplate.json.approved
        created.status == 201
        created.json.state == 'APPROVED'
        created.json.approvals[0].templateId == 'holding-outage-fr'
        created.json.approvals[0].lawyerId == LAWYER_ID
        words.body.startsWith('Le 10 mars 2021, un incident a touché notre site de Strasbourg.')
        api.post("/api/v1/messages/${created.json.id}/publish", Tokens.of('consultant'),
                [revision: 1, sha256: created.json.currentRevision.sha256]).json.state == 'PUBLISHED'

        when: 'a blank carrying a new paragraph is refused: the approval covers the template, not new structure'
        def smuggled = api.post("/api/v1/cases/${caseId}/messages/from-template", Tokens.of('consultant'),
                [templateId: 'holding-outage-fr', fills: fills + [facts: 'rien\n\nNos concurrents ont fait pire'], channels: ['PRESS'], audience: []])

        then:
        smuggled.status == 400
        smuggled.text.contains('facts')
    }

    def "a review nobody answers escalates to the legal lead, then to every lawyer of the firm"() {
        given:
        def draft = api.post("/api/v1/cases/${caseId}/messages", Tokens.of('consultant'), holding([kind: 'SOCIAL_POST', title: "Post ${UUID.randomUUID().toString().take(6)}"]))
        def title = draft.json.title

        when:
        api.post("/api/v1/messages/${draft.json.id}/submit", Tokens.of('consultant'), [revision: 1])

        then: 'the legal lead is told first'
        eventually.eventually {
            assert notifications('lawyer').count { it.event == 'message.review_escalated' && it.detail == title } == 1
        }

        and: 'then every lawyer of the firm, the lead included'
        eventually.eventually {
            assert notifications('lawyer2').count { it.event == 'message.review_escalated' && it.detail == title } == 1
            assert notifications('lawyer').count { it.event == 'message.review_escalated' && it.detail == title } == 2
        }
    }

    private String publishedMessage() {
        MessageGate.published(api, caseId, holding([kind: 'PRESS_RELEASE', title: 'Communiqué']))
    }

    private List notifications(String user) {
        api.get('/api/v1/notifications?limit=100', Tokens.of(user)).json.items
    }

    private int messageCount() {
        TestServices.superuser().withCloseable { it.firstRow("select count(*) as n from message where case_id = '${caseId}'".toString()).n as int }
    }

    private List<String> auditActions() {
        TestServices.superuser().withCloseable {
            it.rows("select action from audit_event where case_id = '${caseId}' order by seq".toString())*.action
        }
    }

    private Map lastAudit() {
        TestServices.superuser().withCloseable {
            it.firstRow("select action, changes from audit_event where case_id = '${caseId}' order by seq desc limit 1".toString()) as Map
        }
    }
}
