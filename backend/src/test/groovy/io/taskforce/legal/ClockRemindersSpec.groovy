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
 * with an injected clock (the instant passed to it): every reminder reaches the case's lawyers exactly once.
 */
@RealServices
class ClockRemindersSpec extends Specification {

    static final String LAWYER_ID = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'

    @Shared EmbeddedServer a = SharedApplication.server()
    @Shared @AutoCleanup EmbeddedServer b
    @Shared String caseId
    @Shared Instant aware = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
    PollingConditions eventually = new PollingConditions(timeout: 20, delay: 0.2)

    def setupSpec() {
        b = ApplicationContext.run(EmbeddedServer, ['micronaut.server.port': -1, 'taskforce.demo.enabled': false,
                                                    'taskforce.jobs.instance-name': 'legal-b'])
        def api = new Api(a.URI)
        ['consultant', 'lawyer'].each { api.get('/api/v1/me', Tokens.of(it)) }
        caseId = api.post('/api/v1/cases', Tokens.of('client-a'), [title: "Fuite de données clients ${UUID.randomUUID().toString().take(6)}",
                summary: 'Une base clients a été exposée.', personalData: true]).json.id
        assert api.post("/api/v1/cases/${caseId}/triage", Tokens.of('consultant'), [crisisTypes: ['DATA_BREACH'], cluster: 'PREVENTABLE',
                severity: 4, kinetics: 'FAST', phase: 'HOT', workstreams: ['LEGAL', 'COMMUNICATION'], tasks: []]).status == 200
        assert api.post("/api/v1/cases/${caseId}/team", Tokens.of('consultant'), [userId: LAWYER_ID, workstream: 'LEGAL', lead: true]).status == 201
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

    private List reminders() {
        TestServices.superuser().withCloseable {
            it.rows("select label, due_at, sent_at, recipients from legal_clock_reminder where case_id = '${caseId}' order by due_at".toString())
        }
    }

    private List outbox() {
        TestServices.superuser().withCloseable {
            it.rows("""select event, recipients, params->>'detail' as detail from notify_outbox
                       where case_id = '${caseId}' and event = 'legal.clock_reminder' order by created_at""".toString())
        }
    }
}
