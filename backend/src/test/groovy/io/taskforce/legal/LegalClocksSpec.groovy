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

import java.time.Instant
import java.time.LocalDate
import java.time.ZoneId
import java.time.temporal.ChronoUnit

/**
 * Clocks on a defamation case of Maison Verdier through the API with real tokens: triage's proposals, a lawyer's
 * confirmation, the qualification of a hostile publication, a republication, closing, the client's view and the
 * lawyer's calendar with its iCalendar feed.
 */
@Stepwise
@RealServices
class LegalClocksSpec extends Specification {

    static final String LAWYER_ID = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'
    static final String REPUTATION_ID = '7e2c3d4a-5f6b-4c7d-8e8f-90a1b2c3d4e5'
    static final ZoneId PARIS = ZoneId.of('Europe/Paris')

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api
    @Shared String caseId
    @Shared Instant firstPublished = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
    @Shared Instant employerKnew = Instant.now().minus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)
    @Shared String publicationId
    @Shared String disciplinaryId

    def setup() {
        api = new Api(server.URI)
    }

    def setupSpec() {
        def api = new Api(server.URI)
        ['consultant', 'consultant2', 'lawyer', 'lawyer2', 'reputation'].each { api.get('/api/v1/me', Tokens.of(it)) }
        caseId = api.post('/api/v1/cases', Tokens.of('client-b'), [title: "Articles diffamatoires contre Bruno Verdier ${UUID.randomUUID().toString().take(6)}",
                summary: 'Un blog anonyme accuse notre directeur de fraude.', personalData: false, hostilePublications: true,
                firstPublishedAt: firstPublished.toString(), suspectedAuthor: 'EMPLOYEE',
                urls: ['https://blog-anonyme.test/verdier-fraude']]).json.id
        assert api.post("/api/v1/cases/${caseId}/triage", Tokens.of('consultant'), [crisisTypes: ['DEFAMATION'],
                cluster: 'VICTIM', severity: 3, kinetics: 'SLOW', phase: 'HOT', workstreams: ['LEGAL', 'REPUTATION'],
                clocks: [[rule: 'DEFAMATION_LIMITATION', triggerAt: firstPublished.toString()],
                         [rule: 'DISCIPLINARY_ACTION', triggerAt: employerKnew.toString()]], tasks: []]).status == 200
        [[userId: LAWYER_ID, workstream: 'LEGAL', lead: true], [userId: REPUTATION_ID, workstream: 'REPUTATION', lead: true]].each {
            assert api.post("/api/v1/cases/${caseId}/team", Tokens.of('consultant'), it).status == 201
        }
    }

    static LocalDate parisDay(Instant instant) { instant.atZone(PARIS).toLocalDate() }

    def "the board shows triage's proposals; press clocks wait for a qualified publication"() {
        when:
        def board = api.get("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer')).json
        def press = board.proposals.find { it.ruleId == 'press-defamation-3m' }

        then:
        board.clocks == []
        press.needsQualification && !press.started
        press.triggerAt == firstPublished.toString()
        with(board.proposals.find { it.ruleId == 'disciplinary-2m' }) {
            !needsQualification && !started && nameFr.contains('disciplinaire')
        }
    }

    def "a lawyer confirms the disciplinary proposal: the clock runs with its rule version, last day, basis and the lawyer answering for it"() {
        given:
        long seq = lastSeq()

        when:
        def response = api.post("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer'), [rule: 'disciplinary-2m', triggerAt: employerKnew.toString()])
        disciplinaryId = response.json.id
        def lastDay = parisDay(employerKnew).plusMonths(2)

        then:
        response.status == 201
        with(response.json) {
            ruleId == 'disciplinary-2m' && ruleVersion == 1 && origin == 'TRIAGE' && state == 'RUNNING'
            basis == 'Code du travail, art. L1332-4'
            responsibleName
        }
        response.json.responsibleId == LAWYER_ID
        response.json.lastDay == lastDay.toString()
        response.json.endsAt == lastDay.plusDays(1).atStartOfDay(PARIS).toInstant().toString()
        auditAfter(seq)*.action == ['legal_clock.started']
        api.get("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer')).json.proposals.find { it.ruleId == 'disciplinary-2m' }.started
    }

    def "starting a clock: a second one of the rule (409), a press rule without a publication (409), an unknown rule (400), a consultant (403), staff off the team (404)"() {
        given:
        int before = clockCount()

        expect:
        api.post("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer'), [rule: 'disciplinary-2m', triggerAt: employerKnew.toString()]).status == 409
        with(api.post("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer'), [rule: 'press-defamation-3m', triggerAt: firstPublished.toString()])) {
            status == 409 && problem && text.contains('qualif')
        }
        with(api.post("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer'), [rule: 'no-such-rule', triggerAt: firstPublished.toString()])) {
            status == 400 && problem && text.contains('no-such-rule')
        }
        api.post("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer'), [rule: 'gdpr-breach-72h']).status == 400
        api.post("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer'), [rule: 'gdpr-breach-72h', triggerAt: firstPublished.toString(),
                                                                      responsibleId: REPUTATION_ID]).status == 400
        api.post("/api/v1/cases/${caseId}/clocks", Tokens.of('consultant'), [rule: 'gdpr-breach-72h', triggerAt: firstPublished.toString()]).status == 403
        api.post("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer2'), [rule: 'gdpr-breach-72h', triggerAt: firstPublished.toString()]).status == 404
        api.get("/api/v1/cases/${caseId}/clocks", Tokens.of('consultant2')).status == 404
        clockCount() == before
    }

    def "the lawyer records the hostile publication and qualifies it as defamation: the 3-month and right-of-reply clocks run from its first posting"() {
        given:
        long seq = lastSeq()

        when:
        publicationId = api.post("/api/v1/cases/${caseId}/publications", Tokens.of('lawyer'),
                [url: 'https://blog-anonyme.test/verdier-fraude', firstPublishedAt: firstPublished.toString()]).json.id
        def qualified = api.post("/api/v1/publications/${publicationId}/qualification", Tokens.of('lawyer'), [qualification: 'DEFAMATION'])

        then:
        qualified.status == 200
        qualified.json.qualification == 'DEFAMATION'
        qualified.json.clocks*.ruleId.toSet() == ['press-defamation-3m', 'right-of-reply-request-3m'] as Set
        qualified.json.clocks.every { it.lastDay == parisDay(firstPublished).plusMonths(3).toString() && it.origin == 'PUBLICATION' && it.state == 'RUNNING' }
        qualified.json.clocks.find { it.ruleId == 'press-defamation-3m' }.basis == 'Loi du 29 juillet 1881, art. 65'
        auditAfter(seq)*.action == ['legal_publication.recorded', 'legal_publication.qualified']
        api.get("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer')).json.proposals.find { it.ruleId == 'press-defamation-3m' }.started
    }

    def "requalified as denigration: the press clocks are waived with the reason, and the 5-year clock starts"() {
        when:
        def p = api.post("/api/v1/publications/${publicationId}/qualification", Tokens.of('lawyer'), [qualification: 'DENIGRATION']).json

        then:
        p.clocks.findAll { it.ruleId != 'denigration-5y' }.every { it.state == 'WAIVED' && it.stateReason.contains('DEFAMATION → DENIGRATION') }
        p.clocks.find { it.ruleId == 'denigration-5y' }.state == 'RUNNING'
        p.clocks.find { it.ruleId == 'denigration-5y' }.lastDay == parisDay(firstPublished).plusYears(5).toString()
    }

    def "a republication starts a new period for the publication, next to the first posting's"() {
        given:
        def republished = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)

        when:
        def response = api.post("/api/v1/publications/${publicationId}/republications", Tokens.of('lawyer'),
                [republishedAt: republished.toString(), note: 'Article remis en ligne sous une autre adresse'])

        then:
        response.status == 201
        response.json.republications*.republishedAt == [republished.toString()]
        def running = response.json.clocks.findAll { it.ruleId == 'denigration-5y' && it.state == 'RUNNING' }
        running*.lastDay.toSet() == [parisDay(firstPublished).plusYears(5).toString(), parisDay(republished).plusYears(5).toString()] as Set
        running.find { it.origin == 'REPUBLICATION' }.triggerAt == republished.toString()

        and: 'a republication before the first posting, or in the future, is refused'
        api.post("/api/v1/publications/${publicationId}/republications", Tokens.of('lawyer'),
                [republishedAt: firstPublished.minusSeconds(60).toString()]).status == 400
        api.post("/api/v1/publications/${publicationId}/republications", Tokens.of('lawyer'),
                [republishedAt: Instant.now().plusSeconds(3600).toString()]).status == 400
        api.post("/api/v1/publications/${publicationId}/republications", Tokens.of('reputation'),
                [republishedAt: republished.toString()]).status == 403
    }

    def "a clock is waived only with a reason; once closed it stays closed"() {
        expect:
        with(api.post("/api/v1/clocks/${disciplinaryId}/close", Tokens.of('lawyer'), [state: 'WAIVED'])) {
            status == 400 && problem && text.contains('reason')
        }
        api.post("/api/v1/clocks/${disciplinaryId}/close", Tokens.of('lawyer'), [state: 'EXPIRED']).status == 400
        api.post("/api/v1/clocks/${disciplinaryId}/close", Tokens.of('consultant'), [state: 'ACTED_UPON']).status == 403
        api.post("/api/v1/clocks/${disciplinaryId}/close", Tokens.of('lawyer2'), [state: 'ACTED_UPON']).status == 404

        when:
        def closed = api.post("/api/v1/clocks/${disciplinaryId}/close", Tokens.of('lawyer'), [state: 'ACTED_UPON', reason: 'Entretien préalable convoqué'])

        then:
        closed.status == 200
        closed.json.state == 'ACTED_UPON'
        closed.json.closedAt
        api.post("/api/v1/clocks/${disciplinaryId}/close", Tokens.of('lawyer'), [state: 'WAIVED', reason: 'x']).status == 409
        pendingReminders(disciplinaryId) == 0
    }

    def "an admin's edit of a rule leaves running clocks on the version they started with"() {
        given:
        def rule = api.get('/api/v1/legal/rules', Tokens.of('lawyer')).json.find { it.id == 'denigration-5y' }
        def before = api.get("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer')).json.clocks.findAll { it.ruleId == 'denigration-5y' }

        when:
        assert api.put('/api/v1/legal/rules/denigration-5y', Tokens.of('admin'), edit(rule, [amount: 6])).json.version == rule.version + 1
        def after = api.get("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer')).json.clocks.findAll { it.ruleId == 'denigration-5y' }

        then:
        after*.ruleVersion == before*.ruleVersion
        after*.lastDay == before*.lastDay
        after.every { it.basis == 'Code civil, art. 1240 et 2224' }

        cleanup:
        api.put('/api/v1/legal/rules/denigration-5y', Tokens.of('admin'), edit(rule, [:]))
    }

    def "the client sees the clocks' names, last days and states, and nothing else of the legal workstream"() {
        when:
        def status = api.get("/api/v1/cases/${caseId}/legal-status", Tokens.of('client-b'))

        then:
        status.status == 200
        status.json.clocks.size() == 5 // disciplinary, two press clocks waived, two denigration periods
        status.json.clocks.every { it.keySet() == ['ruleId', 'nameFr', 'nameEn', 'lastDay', 'state'] as Set }
        status.json.clocks.find { it.ruleId == 'disciplinary-2m' }.state == 'ACTED_UPON'
        !status.text.contains('blog-anonyme')
        api.get("/api/v1/cases/${caseId}/clocks", Tokens.of('client-b')).status == 403
        api.get("/api/v1/cases/${caseId}/publications", Tokens.of('client-b')).status == 403
        api.get("/api/v1/cases/${caseId}/legal-status", Tokens.of('client-a')).status == 404
    }

    def "the lawyer's calendar lists their running clocks across cases, soonest first"() {
        when:
        def calendar = api.get('/api/v1/legal/calendar', Tokens.of('lawyer')).json

        then:
        calendar*.clock*.endsAt == calendar*.clock*.endsAt.sort(false)
        calendar.every { it.clock.state == 'RUNNING' }
        calendar.findAll { it.caseId == caseId }*.clock*.ruleId.toSet() == ['denigration-5y'] as Set
        calendar.find { it.caseId == caseId }.caseTitle.startsWith('Articles diffamatoires')
        api.get('/api/v1/legal/calendar', Tokens.of('lawyer2')).json.every { it.caseId != caseId }
        api.get('/api/v1/legal/calendar', Tokens.of('consultant')).status == 403
    }

    def "the iCalendar feed answers its secret URL without a token, until it is replaced or revoked"() {
        when:
        def made = api.post('/api/v1/legal/calendar/feed', Tokens.of('lawyer'))
        def feed = api.get(made.json.path)

        then:
        made.status == 201
        made.json.path.startsWith('/api/v1/legal/calendar-feeds/')
        feed.status == 200
        feed.contentType.startsWith('text/calendar')
        feed.text.startsWith('BEGIN:VCALENDAR\r\n')
        feed.text.contains('BEGIN:VEVENT')
        feed.text.replace('\r\n ', '').contains('Articles diffamatoires')
        api.get('/api/v1/legal/calendar/feed', Tokens.of('lawyer')).json.active
        api.get('/api/v1/legal/calendar/feed', Tokens.of('lawyer')).json.path == null

        when: 'a new secret replaces the old one'
        def second = api.post('/api/v1/legal/calendar/feed', Tokens.of('lawyer')).json.path

        then:
        api.get(made.json.path).status == 404
        api.get(second).status == 200

        when: 'revoked'
        def revoked = api.delete('/api/v1/legal/calendar/feed', Tokens.of('lawyer'))

        then:
        revoked.status == 204
        api.get(second).status == 404
        !api.get('/api/v1/legal/calendar/feed', Tokens.of('lawyer')).json.active
        api.delete('/api/v1/legal/calendar/feed', Tokens.of('lawyer')).status == 404
    }

    private static Map edit(Map rule, Map changes) {
        rule.subMap(['nameFr', 'nameEn', 'basis', 'textVersion', 'amount', 'unit', 'counting', 'reminders']) + changes
    }

    private String tenantOfCase() {
        TestServices.superuser().withCloseable { it.firstRow("select tenant_id from case_file where id = '${caseId}'".toString()).tenant_id.toString() }
    }

    private long lastSeq() {
        TestServices.superuser().withCloseable {
            it.firstRow("select coalesce(max(seq), 0) as s from audit_event where tenant_id = '${tenantOfCase()}'".toString()).s as long
        }
    }

    private List auditAfter(long seq) {
        TestServices.superuser().withCloseable {
            it.rows("select action, case_id from audit_event where tenant_id = '${tenantOfCase()}' and seq > ${seq} order by seq".toString())
        }
    }

    private int clockCount() {
        TestServices.superuser().withCloseable { it.firstRow("select count(*) as n from legal_clock where case_id = '${caseId}'".toString()).n as int }
    }

    private static int pendingReminders(String clockId) {
        TestServices.superuser().withCloseable {
            it.firstRow("select count(*) as n from legal_clock_reminder where clock_id = '${clockId}' and sent_at is null".toString()).n as int
        }
    }
}
