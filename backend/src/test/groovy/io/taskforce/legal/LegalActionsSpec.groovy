package io.taskforce.legal

import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.security.MessageDigest
import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit

/**
 * Legal actions, privileged notes and evidence on a case of Helio Cloud (a data breach with a hostile publication),
 * through the API with real tokens.
 */
@Stepwise
@RealServices
class LegalActionsSpec extends Specification {

    static final String LAWYER_ID = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'
    static final String REPUTATION_ID = '7e2c3d4a-5f6b-4c7d-8e8f-90a1b2c3d4e5'
    static final String TENANT_A = 'b094b75d-873d-4f54-9892-afd58263330a'
    static final String REASONS = 'La publication impute faussement une fuite volontaire de données à Helio Cloud (diffamation, art. 29 de la loi de 1881).'

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api
    @Shared String caseId
    @Shared String gdprClockId
    @Shared Map notice
    @Shared String noteId
    @Shared String evidenceId
    @Shared byte[] capture = ('<html><body>Helio Cloud a vendu vos données</body></html>').getBytes('UTF-8')

    def setup() {
        api = new Api(server.URI)
    }

    def setupSpec() {
        def api = new Api(server.URI)
        ['consultant', 'lawyer', 'lawyer2', 'reputation'].each { api.get('/api/v1/me', Tokens.of(it)) }
        caseId = api.post('/api/v1/cases', Tokens.of('client-a'), [title: "Fuite de données et rumeur ${UUID.randomUUID().toString().take(6)}",
                summary: 'Des données clients circulent ; un réseau social relaie une rumeur.', personalData: true]).json.id
        assert api.post("/api/v1/cases/${caseId}/triage", Tokens.of('consultant'), [crisisTypes: ['DATA_BREACH'], cluster: 'PREVENTABLE',
                severity: 4, kinetics: 'FAST', phase: 'HOT', workstreams: ['LEGAL', 'COMMUNICATION', 'REPUTATION'], tasks: []]).status == 200
        [[userId: LAWYER_ID, workstream: 'LEGAL', lead: true], [userId: REPUTATION_ID, workstream: 'REPUTATION', lead: true]].each {
            assert api.post("/api/v1/cases/${caseId}/team", Tokens.of('consultant'), it).status == 201
        }
        gdprClockId = api.post("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer'),
                [rule: 'gdpr-breach-72h', triggerAt: Instant.now().minus(Duration.ofHours(10)).truncatedTo(ChronoUnit.SECONDS).toString()]).json.id
    }

    def "a platform notice shows what DSA art. 16 requires and is not sent while anything is missing"() {
        when:
        notice = api.post("/api/v1/cases/${caseId}/legal-actions", Tokens.of('lawyer'), [kind: 'PLATFORM_NOTICE',
                title: 'Notification au réseau social', recipient: 'Social.test', urls: ['https://social.test/'], reasons: 'Faux.']).json

        then:
        notice.status == 'DRAFT'
        notice.noticeMissing == ['EXACT_URLS', 'REASONS', 'IDENTITY', 'GOOD_FAITH']
        with(api.post("/api/v1/legal-actions/${notice.id}/status", Tokens.of('lawyer'), [status: 'SENT'])) {
            status == 409 && problem && text.contains('DSA art. 16')
        }
        api.get("/api/v1/cases/${caseId}/legal-actions", Tokens.of('consultant')).json.find { it.id == notice.id }.status == 'DRAFT'
    }

    def "a complete platform notice is sent, and shows when it was sent"() {
        given:
        notice = api.post("/api/v1/cases/${caseId}/legal-actions", Tokens.of('lawyer'), [kind: 'PLATFORM_NOTICE',
                title: 'Notification au réseau social', recipient: 'Social.test', urls: ['https://social.test/p/4711'],
                reasons: REASONS, notifierIdentity: 'Me Louise Garnier, louise.garnier@cabinet.test', goodFaith: true]).json
        def sentAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS)

        when:
        def sent = api.post("/api/v1/legal-actions/${notice.id}/status", Tokens.of('lawyer'), [status: 'SENT', at: sentAt.toString()])

        then:
        notice.noticeMissing == []
        sent.status == 200
        sent.json.status == 'SENT'
        sent.json.sentAt == sentAt.toString()
        api.post("/api/v1/legal-actions/${notice.id}/status", Tokens.of('lawyer'), [status: 'DRAFT']).status == 409
        api.post("/api/v1/legal-actions/${notice.id}/status", Tokens.of('consultant'), [status: 'GRANTED']).status == 403
    }

    def "recording the CNIL notification as sent stops the 72-hour clock"() {
        given:
        def cnil = api.post("/api/v1/cases/${caseId}/legal-actions", Tokens.of('lawyer'), [kind: 'CNIL_NOTIFICATION',
                title: 'Notification de violation n° 2026-118', recipient: 'CNIL']).json

        when:
        def sent = api.post("/api/v1/legal-actions/${cnil.id}/status", Tokens.of('lawyer'), [status: 'SENT']).json
        def clock = api.get("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer')).json.clocks.find { it.id == gdprClockId }

        then:
        clock.state == 'ACTED_UPON'
        clock.actionId == cnil.id
        clock.stateReason.contains('CNIL')
        sent.clockIds == [gdprClockId]
        pendingReminders(gdprClockId) == 0
    }

    def "recording a right-of-reply request as sent starts the publisher's 3-day insertion clock"() {
        given:
        def request = api.post("/api/v1/cases/${caseId}/legal-actions", Tokens.of('lawyer'), [kind: 'RIGHT_OF_REPLY_REQUEST',
                title: 'Demande d’insertion d’une réponse', recipient: 'Directeur de la publication de Social.test']).json
        def sentAt = Instant.parse('2026-02-27T15:00:00Z') // receipt on Friday 27 February 2026, Paris time

        when:
        def sent = api.post("/api/v1/legal-actions/${request.id}/status", Tokens.of('lawyer'), [status: 'SENT', at: sentAt.toString()]).json
        def clock = api.get("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer')).json.clocks.find { it.id == sent.clockIds[0] }

        then:
        sent.clockIds.size() == 1
        clock.ruleId == 'right-of-reply-insertion-3d'
        clock.origin == 'ACTION'
        clock.lastDay == '2026-03-02' // the day of receipt does not count
        clock.endsAt == '2026-03-02T23:00:00Z'
        clock.state == 'EXPIRED' // long past: shown as expired, nobody had to mark it
    }

    def "bad actions answer 400 and save nothing"() {
        given:
        int before = api.get("/api/v1/cases/${caseId}/legal-actions", Tokens.of('lawyer')).json.size()

        expect:
        api.post("/api/v1/cases/${caseId}/legal-actions", Tokens.of('lawyer'), body).status == 400
        api.get("/api/v1/cases/${caseId}/legal-actions", Tokens.of('lawyer')).json.size() == before

        where:
        body << [[kind: 'LAWSUIT', title: 'x'], [kind: 'COMPLAINT', title: ' '], [kind: 'COMPLAINT']]
    }

    def "a lawyer writes a privileged note; the audit trail records it without its words"() {
        given:
        long seq = lastSeq()

        when:
        def note = api.post("/api/v1/cases/${caseId}/privileged-notes", Tokens.of('lawyer'), [body: 'Risque pénal du DSI : à discuter avec le client seul.'])
        noteId = note.json.id

        then:
        note.status == 201
        note.json.authorId == LAWYER_ID
        auditAfter(seq)*.action == ['legal_note.created']
        !auditAfter(seq)[0].changes.contains('Risque')
    }

    def "every read of privileged notes writes an audit event naming the notes read"() {
        given:
        long seq = lastSeq()

        when:
        def list = api.get("/api/v1/cases/${caseId}/privileged-notes", Tokens.of('lawyer'))
        def one = api.get("/api/v1/privileged-notes/${noteId}", Tokens.of('lawyer'))

        then:
        list.json*.body == ['Risque pénal du DSI : à discuter avec le client seul.']
        one.json.body == list.json[0].body
        auditAfter(seq)*.action == ['legal_note.read', 'legal_note.read']
        auditAfter(seq).every { it.changes.contains(noteId) && it.case_id.toString() == caseId }
    }

    def "nobody but a lawyer on the team reads a privileged note, and those refused leave no read in the trail"() {
        given:
        long seq = lastSeq()

        expect:
        api.get("/api/v1/cases/${caseId}/privileged-notes", Tokens.of(user)).status == status
        api.get("/api/v1/privileged-notes/${noteId}", Tokens.of(user)).status == status
        auditAfter(seq) == []

        where:
        user         || status
        'consultant' || 403 // on the team, but not a lawyer
        'reputation' || 403
        'admin'      || 403
        'client-a'   || 403
        'lawyer2'    || 404 // a lawyer off the team
    }

    def "a reputation specialist saves a capture: its SHA-256 is computed from the bytes, the save is audited"() {
        given:
        long seq = lastSeq()

        when:
        def saved = api.multipart("/api/v1/cases/${caseId}/evidence", Tokens.of('reputation'),
                [url: 'https://social.test/p/4711', capturedAt: '2026-03-10T14:05:00Z'], 'capture réseau.html', 'text/html', capture)
        evidenceId = saved.json.id

        then:
        saved.status == 201
        saved.json.sha256 == sha256(capture)
        saved.json.sizeBytes == capture.length
        saved.json.capturedBy == REPUTATION_ID
        saved.json.fileName == 'capture réseau.html'
        auditAfter(seq)*.action == ['legal_evidence.saved']
    }

    def "the team downloads it with its hash, every download is audited; clients and staff off the team get nothing"() {
        given:
        long seq = lastSeq()

        when:
        def download = api.get("/api/v1/evidence/${evidenceId}/file", Tokens.of('consultant'))

        then:
        download.status == 200
        download.header('X-Content-SHA256') == sha256(capture)
        download.text.getBytes('UTF-8') == capture
        download.header('Content-Disposition').contains("filename*=UTF-8''capture%20r%C3%A9seau.html")
        auditAfter(seq)*.action == ['legal_evidence.downloaded']
        api.get("/api/v1/evidence/${evidenceId}/file", Tokens.of('client-a')).status == 403
        api.get("/api/v1/evidence/${evidenceId}/file", Tokens.of('lawyer2')).status == 404
        api.get("/api/v1/cases/${caseId}/evidence", Tokens.of('client-a')).status == 403
        auditAfter(seq).size() == 1
    }

    def "evidence is immutable: the application's database role may not change or delete it"() {
        expect:
        TestServices.superuser().withCloseable { sql ->
            sql.rows('''select table_name, privilege_type from information_schema.role_table_grants
                        where grantee = 'taskforce_app' and table_name in ('legal_evidence', 'legal_evidence_file', 'legal_note')
                        order by 1, 2''').collect { "${it.table_name}:${it.privilege_type}".toString() }
        } == ['legal_evidence:INSERT', 'legal_evidence:SELECT', 'legal_evidence_file:INSERT', 'legal_evidence_file:SELECT',
              'legal_note:INSERT', 'legal_note:SELECT']
    }

    def "a capture of #problem answers a clear 400 and saves nothing"() {
        given:
        int before = api.get("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer')).json.size()

        expect:
        with(api.multipart("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer'), fields, name, type, new byte[size])) {
            status == 400 && problem && text.contains(says)
        }
        api.get("/api/v1/cases/${caseId}/evidence", Tokens.of('lawyer')).json.size() == before

        where:
        problem             | fields                                                               | name    | type                       | size    || says
        'a refused type'    | [url: 'https://social.test/p/1', capturedAt: '2026-03-10T14:05:00Z'] | 'a.exe' | 'application/x-msdownload' | 1       || 'not accepted'
        'no bytes'          | [url: 'https://social.test/p/1', capturedAt: '2026-03-10T14:05:00Z'] | 'a.png' | 'image/png'                | 0       || 'empty'
        'no URL'            | [capturedAt: '2026-03-10T14:05:00Z']                                 | 'a.png' | 'image/png'                | 1       || 'url'
        'no capture time'   | [url: 'https://social.test/p/1', capturedAt: 'hier']                 | 'a.png' | 'image/png'                | 1       || 'capturedAt'
        'more than 8 MiB'   | [url: 'https://social.test/p/1', capturedAt: '2026-03-10T14:05:00Z'] | 'a.png' | 'image/png'                | 8388609 || '8388608 bytes'
    }

    def "a consultant on the team reads evidence but does not save it"() {
        expect:
        api.multipart("/api/v1/cases/${caseId}/evidence", Tokens.of('consultant'),
                [url: 'https://social.test/p/1', capturedAt: '2026-03-10T14:05:00Z'], 'a.png', 'image/png', [1] as byte[]).status == 403
        api.get("/api/v1/cases/${caseId}/evidence", Tokens.of('consultant')).json*.id == [evidenceId]
    }

    def "the client sees the actions' kinds and states, not their content"() {
        when:
        def status = api.get("/api/v1/cases/${caseId}/legal-status", Tokens.of('client-a')).json

        then:
        status.actions*.kind.containsAll(['PLATFORM_NOTICE', 'CNIL_NOTIFICATION', 'RIGHT_OF_REPLY_REQUEST'])
        status.actions.every { it.keySet() == ['kind', 'status', 'sentAt'] as Set }
        status.clocks.find { it.ruleId == 'gdpr-breach-72h' }.state == 'ACTED_UPON'
    }

    static String sha256(byte[] bytes) {
        MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
    }

    private static long lastSeq() {
        TestServices.superuser().withCloseable {
            it.firstRow("select coalesce(max(seq), 0) as s from audit_event where tenant_id = '${TENANT_A}'".toString()).s as long
        }
    }

    private List auditAfter(long seq) {
        TestServices.superuser().withCloseable {
            it.rows("select action, case_id, changes from audit_event where tenant_id = '${TENANT_A}' and seq > ${seq} and case_id = '${caseId}' order by seq".toString())
        }
    }

    private static int pendingReminders(String clockId) {
        TestServices.superuser().withCloseable {
            it.firstRow("select count(*) as n from legal_clock_reminder where clock_id = '${clockId}' and sent_at is null".toString()).n as int
        }
    }
}
