package io.taskforce.legal

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.time.Duration
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.concurrent.Callable
import java.util.concurrent.Executors

/**
 * The reminders of a clock, sent by two application instances sharing one database, each running the reminder job
 * with an injected clock (the instant passed to it): every reminder reaches the case's lawyers exactly once, the
 * lawyers on the team when it falls due rather than those of the day the clock started.
 */
@RealServices
class ClockRemindersSpec extends Specification {

    static final String LAWYER_ID = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'
    static final String LAWYER2_ID = 'b25a6b7e-9d0f-4a1b-8c23-d4e5f6071829'
    static final String CONSULTANT_ID = '5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3'

    @Shared EmbeddedServer a = SharedApplication.server()
    @Shared @AutoCleanup EmbeddedServer b
    @Shared String caseId
    @Shared Instant aware = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
    PollingConditions eventually = new PollingConditions(timeout: 20, delay: 0.2)

    def setupSpec() {
        b = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'taskforce.demo.enabled': false,
                                                    'taskforce.jobs.instance-name': 'legal-b'])
        ['consultant', 'lawyer', 'lawyer2'].each { new Api(a.URI).get('/api/v1/me', Tokens.of(it)) }
        caseId = caseWithLawyer(true)
    }

    def "a GDPR clock plans its reminders 48, 24 and 6 hours before the end"() {
        when:
        def clock = new Api(b.URI).post("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer'), [rule: 'gdpr-breach-72h', triggerAt: aware.toString()])

        then:
        clock.status == 201
        clock.json.endsAt == aware.plus(Duration.ofHours(72)).toString()
        reminders()*.label == ['PT48H', 'PT24H', 'PT6H']
        reminders()*.due_at*.toInstant() == [24, 48, 66].collect { aware.plus(Duration.ofHours(it)) }
        reminders().every { it.sent_at == null && it.recipients.array as List == [UUID.fromString(LAWYER_ID)] }
    }

    def "nothing is due before its time: the job at the clock's start sends none of them"() {
        when:
        sendOnBoth(aware.plus(Duration.ofHours(23)))

        then: 'other specs may have had reminders due; this clock had none'
        outbox() == []
        reminders().every { it.sent_at == null }
    }

    def "two instances running the job at once send each due reminder exactly once"() {
        when: 'both instances run the job, four times each, at once, 30 hours after awareness: the 48-hour reminder is due'
        def first = (1..4).sum { sendOnBoth(aware.plus(Duration.ofHours(30))) }

        then:
        first >= 1
        outbox()*.detail == ['Violation de données : notifier la CNIL / Personal-data breach: notify the CNIL — ' + lastDay()]
        reminders().findAll { it.sent_at != null }*.label == ['PT48H']

        when: 'past the end, the two remaining ones'
        (1..4).each { sendOnBoth(aware.plus(Duration.ofHours(80))) }

        then:
        outbox().size() == 3
        reminders().every { it.sent_at != null }
        outbox().every { it.recipients.array as List == [UUID.fromString(LAWYER_ID)] && it.event == 'legal.clock_reminder' }
    }

    def "the lawyer is notified in-app once per reminder"() {
        expect:
        eventually.eventually {
            assert new Api(a.URI).get('/api/v1/notifications?limit=200', Tokens.of('lawyer')).json.items
                    .count { it.caseId == caseId && it.event == 'legal.clock_reminder' } == 3
        }
    }

    def "pending reminders follow the team: the lawyer who took over is reminded, the one who left is not"() {
        given: "a GDPR clock started by the case's only lawyer, its 48-hour reminder sent to them"
        def api = new Api(a.URI)
        def teamCase = caseWithLawyer(true)
        def otherCase = caseWithLawyer(true)
        [teamCase, otherCase].each { assert api.post("/api/v1/cases/${it}/clocks", Tokens.of('lawyer'), [rule: 'gdpr-breach-72h', triggerAt: aware.toString()]).status == 201 }
        sendOnBoth(aware.plus(Duration.ofHours(30)))
        assert outbox(teamCase)*.recipients*.array*.toList() == [[UUID.fromString(LAWYER_ID)]]

        when: 'a second lawyer joins the legal workstream and takes its lead, and the first leaves the team'
        assert api.post("/api/v1/cases/${teamCase}/team", Tokens.of('consultant'), [userId: LAWYER2_ID, workstream: 'LEGAL', lead: true]).status == 201
        assert api.delete("/api/v1/cases/${teamCase}/team/${LAWYER_ID}", Tokens.of('consultant')).status == 204

        then: 'the unsent reminders go to the new lawyer; the one already sent still says whom it went to'
        reminders(teamCase).collectEntries { [(it.label): recipients(it)] } ==
                [PT48H: [LAWYER_ID], PT24H: [LAWYER2_ID], PT6H: [LAWYER2_ID]]
        reminders(teamCase).find { it.label == 'PT48H' }.sent_at != null

        and: "another case's reminders keep their lawyer"
        reminders(otherCase).every { recipients(it) == [LAWYER_ID] }

        when: 'the 24-hour reminder falls due'
        sendOnBoth(aware.plus(Duration.ofHours(50)))

        then: 'it reaches the new lawyer, in the outbox and in-app, and not the one who left'
        outbox(teamCase)*.recipients*.array*.toList() == [[UUID.fromString(LAWYER_ID)], [UUID.fromString(LAWYER2_ID)]]
        eventually.eventually {
            assert inApp('lawyer2', teamCase) == 1
            assert inApp('lawyer', teamCase) == 1
        }
    }

    def "a team left with no lawyer has its reminders sent to the case's leads until a lawyer joins again"() {
        given: 'a lawyer on the legal workstream without leading it, and a clock they started'
        def api = new Api(a.URI)
        def teamCase = caseWithLawyer(false)
        assert api.post("/api/v1/cases/${teamCase}/clocks", Tokens.of('lawyer'), [rule: 'gdpr-breach-72h', triggerAt: aware.toString()]).status == 201

        when: 'the lawyer leaves the team'
        assert api.delete("/api/v1/cases/${teamCase}/team/${LAWYER_ID}", Tokens.of('consultant')).status == 204

        then: 'the reminders go to the consultant who leads the communication workstream, not to nobody'
        reminders(teamCase).every { recipients(it) == [CONSULTANT_ID] }

        when: 'a lawyer joins again'
        assert api.post("/api/v1/cases/${teamCase}/team", Tokens.of('consultant'), [userId: LAWYER2_ID, workstream: 'LEGAL', lead: false]).status == 201

        then:
        reminders(teamCase).every { recipients(it) == [LAWYER2_ID] }
    }

    def "reminders go to the team's lawyers, else to its leads, else to the whole team"() {
        given:
        def ids = [a: UUID.randomUUID(), b: UUID.randomUUID(), c: UUID.randomUUID()]
        def team = new ClockRecords.Team(seats.collect { String spec ->
            def (name, flags) = spec.tokenize(':') + ['']
            new ClockRecords.Team.Seat(ids[name], flags.contains('L'), flags.contains('*'))
        })

        expect:
        team.reminded() == reminded.collect { ids[it] }

        where: 'L: a lawyer, *: leads a workstream'
        seats                     || reminded
        ['a:*', 'b:L', 'c:L*']    || ['b', 'c']
        ['a:*', 'b', 'c:*']       || ['a', 'c']
        ['a', 'b']                || ['a', 'b']
        []                        || []
    }

    /** A triaged data-breach case (legal and communication, the consultant leading communication) with the lawyer on it. */
    private String caseWithLawyer(boolean leadsLegal) {
        def api = new Api(a.URI)
        String id = api.post('/api/v1/cases', Tokens.of('client-a'), [title: "Fuite de données clients ${UUID.randomUUID().toString().take(6)}",
                summary: 'Une base clients a été exposée.', personalData: true]).json.id
        assert api.post("/api/v1/cases/${id}/triage", Tokens.of('consultant'), [crisisTypes: ['DATA_BREACH'], cluster: 'PREVENTABLE',
                severity: 4, kinetics: 'FAST', phase: 'HOT', workstreams: ['LEGAL', 'COMMUNICATION'], tasks: []]).status == 200
        assert api.post("/api/v1/cases/${id}/team", Tokens.of('consultant'), [userId: LAWYER_ID, workstream: 'LEGAL', lead: leadsLegal]).status == 201
        id
    }

    private int inApp(String user, String ofCase) {
        new Api(a.URI).get('/api/v1/notifications?limit=200', Tokens.of(user)).json.items
                .count { it.caseId == ofCase && it.event == 'legal.clock_reminder' } as int
    }

    private static List<String> recipients(row) {
        (row.recipients.array as List)*.toString()
    }

    private int sendOnBoth(Instant now) {
        def senders = [a, b].collect { it.applicationContext.getBean(ClockReminders.Sender) }
        def pool = Executors.newFixedThreadPool(2)
        try {
            pool.invokeAll(senders.collect { s -> ({ -> s.sendDue(now) } as Callable<Integer>) })*.get().sum() as int
        } finally {
            pool.shutdown()
        }
    }

    private String lastDay() {
        aware.plus(Duration.ofHours(72)).atZone(DeadlineCalculator.PARIS).toLocalDate().toString()
    }

    private List reminders(String ofCase = caseId) {
        TestServices.superuser().withCloseable {
            it.rows("select label, due_at, sent_at, recipients from legal_clock_reminder where case_id = '${ofCase}' order by due_at".toString())
        }
    }

    private List outbox(String ofCase = caseId) {
        TestServices.superuser().withCloseable {
            it.rows("""select event, recipients, params->>'detail' as detail from notify_outbox
                       where case_id = '${ofCase}' and event = 'legal.clock_reminder' order by created_at""".toString())
        }
    }
}
