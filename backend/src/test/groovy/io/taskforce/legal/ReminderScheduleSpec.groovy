package io.taskforce.legal

import spock.lang.Specification

import java.time.Instant

/** Reminder instants of a clock from its rule's schedule, with real dates. */
class ReminderScheduleSpec extends Specification {

    def "a press clock from 23 August 2024 (ends 23 November 24:00 Paris) reminds at #label: #dueAt"() {
        given:
        def start = Instant.parse('2024-08-22T22:00:00Z')
        def end = Instant.parse('2024-11-23T23:00:00Z')

        expect:
        ReminderSchedule.plan(['50%', 'P14D', 'P7D', 'P2D', 'P1D'], start, end)
                .find { it.label() == label }.dueAt() == Instant.parse(dueAt)

        where:
        label  || dueAt
        '50%'  || '2024-10-08T10:30:00Z'
        'P14D' || '2024-11-09T23:00:00Z'
        'P7D'  || '2024-11-16T23:00:00Z'
        'P2D'  || '2024-11-21T23:00:00Z'
        'P1D'  || '2024-11-22T23:00:00Z'
    }

    def "reminders are soonest first, inside the period only, one per instant"() {
        given:
        def start = Instant.parse('2024-03-29T09:00:00Z')
        def end = Instant.parse('2024-04-01T09:00:00Z')

        when:
        def plan = ReminderSchedule.plan(schedule, start, end)

        then:
        plan*.label() == labels
        plan*.dueAt() == dues.collect { Instant.parse(it) }

        where:
        schedule                                  || labels                          | dues
        ['PT48H', 'PT24H', 'PT6H']                || ['PT48H', 'PT24H', 'PT6H']      | ['2024-03-30T09:00:00Z', '2024-03-31T09:00:00Z', '2024-04-01T03:00:00Z']
        ['PT6H', 'PT48H', 'PT24H']                || ['PT48H', 'PT24H', 'PT6H']      | ['2024-03-30T09:00:00Z', '2024-03-31T09:00:00Z', '2024-04-01T03:00:00Z']
        ['P14D', 'P7D', 'PT24H']                  || ['PT24H']                       | ['2024-03-31T09:00:00Z'] // before the start: dropped
        ['50%', 'PT36H']                          || ['50%']                         | ['2024-03-30T21:00:00Z'] // the same instant: once
        ['PT72H']                                 || []                              | []                       // the start itself
        []                                        || []                              | []
    }

    def "'#entry' is refused with a message naming it"() {
        when:
        ReminderSchedule.validate([entry])

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains("'${entry}'")

        where:
        entry << ['0%', '100%', 'half', '14 days', 'P-1D', 'PT0S', '%']
    }
}
