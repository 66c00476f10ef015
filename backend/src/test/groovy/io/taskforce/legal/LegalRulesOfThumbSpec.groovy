package io.taskforce.legal

import spock.lang.Specification

import java.time.Instant

/** The small pure rules around clocks: what a qualification starts, when a clock reads expired, the iCalendar text. */
class LegalRulesOfThumbSpec extends Specification {

    def "a publication qualified as #qualification starts #rules"() {
        expect:
        qualification.rules() == rules

        where:
        qualification                  || rules
        Qualification.DEFAMATION       || ['press-defamation-3m', 'right-of-reply-request-3m']
        Qualification.INSULT           || ['press-defamation-3m', 'right-of-reply-request-3m']
        Qualification.DISCRIMINATORY   || ['press-discriminatory-1y', 'right-of-reply-request-3m']
        Qualification.DENIGRATION      || ['denigration-5y']
        Qualification.NOT_ACTIONABLE   || []
    }

    def "a #stored clock ending at #endsAt reads #shown at #now"() {
        expect:
        ClockState.shown(stored, Instant.parse(endsAt), Instant.parse(now)) == shown

        where:
        stored                | endsAt                 | now                    || shown
        ClockState.RUNNING    | '2024-11-23T23:00:00Z' | '2024-11-23T22:59:59Z' || ClockState.RUNNING
        ClockState.RUNNING    | '2024-11-23T23:00:00Z' | '2024-11-23T23:00:00Z' || ClockState.EXPIRED // 24:00 Paris has come
        ClockState.ACTED_UPON | '2024-11-23T23:00:00Z' | '2025-01-01T00:00:00Z' || ClockState.ACTED_UPON
        ClockState.WAIVED     | '2024-11-23T23:00:00Z' | '2025-01-01T00:00:00Z' || ClockState.WAIVED
    }

    def "the iCalendar feed: one event per clock at its end instant, text escaped, lines folded at 75 octets, CRLF"() {
        when:
        def text = ICalendar.render([new ICalendar.Entry('c1', Instant.parse('2024-11-23T23:00:00Z'),
                'Diffamation ou injure publique : dernier jour pour agir — Campagne de dénigrement contre notre directeur général',
                'Loi du 29 juillet 1881, art. 65; 2024-11-23\nsecond line')], Instant.parse('2024-08-23T10:00:00Z'))
        def lines = text.split('\r\n', -1).toList()

        then:
        text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')
        text.endsWith('END:VCALENDAR\r\n')
        lines.contains('DTSTART:20241123T230000Z')
        lines.contains('DTSTAMP:20240823T100000Z')
        lines.contains('UID:c1@taskforce')
        text.replace('\r\n ', '').contains('DESCRIPTION:Loi du 29 juillet 1881\\, art. 65\\; 2024-11-23\\nsecond line')
        lines.every { it.getBytes('UTF-8').length <= 75 }
        lines.findAll { it.startsWith(' ') }.size() >= 1
    }
}
