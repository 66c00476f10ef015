package io.taskforce.legal

import spock.lang.Specification

import java.time.Instant
import java.time.LocalDate

import static io.taskforce.legal.Counting.CALENDAR_MONTHS
import static io.taskforce.legal.Counting.ELAPSED_HOURS
import static io.taskforce.legal.Counting.WHOLE_DAYS
import static io.taskforce.legal.PeriodUnit.DAYS
import static io.taskforce.legal.PeriodUnit.HOURS
import static io.taskforce.legal.PeriodUnit.MONTHS
import static io.taskforce.legal.PeriodUnit.YEARS

/**
 * The counting rules of DESIGN §4 with real dates. Triggers are given as a lawyer types them (Europe/Paris local
 * time); end instants are UTC: 24:00 Paris is 23:00 UTC in winter and 22:00 UTC in summer.
 */
class DeadlineCalculatorSpec extends Specification {

    def "#amount #unit from #trigger (Paris): last day #lastDay, ends at #endsAt UTC, non-working #flag"() {
        when:
        def deadline = DeadlineCalculator.compute(amount, unit, counting, DeadlineCalculator.parseTrigger(trigger))

        then:
        deadline.lastDay() == LocalDate.parse(lastDay)
        deadline.endsAt() == Instant.parse(endsAt)
        deadline.nonWorkingLastDay() == flag

        where:
        trigger               | amount | unit   | counting        || lastDay      | endsAt                 | flag
        // de quantième à quantième: Cass. crim. 12 Nov 2014, published 23 August, actionable until 23 November inclusive
        '2014-08-23'          | 3      | MONTHS | CALENDAR_MONTHS || '2014-11-23' | '2014-11-23T23:00:00Z' | true  // a Sunday: flagged, not moved
        '2024-08-23'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-11-23' | '2024-11-23T23:00:00Z' | true  // Saturday
        '2024-08-23T18:45'    | 3      | MONTHS | CALENDAR_MONTHS || '2024-11-23' | '2024-11-23T23:00:00Z' | true  // the hour does not matter
        '2024-08-24T00:30'    | 3      | MONTHS | CALENDAR_MONTHS || '2024-11-24' | '2024-11-24T23:00:00Z' | true  // Paris date (UTC is still the 23rd)
        '2024-08-22T23:59'    | 3      | MONTHS | CALENDAR_MONTHS || '2024-11-22' | '2024-11-22T23:00:00Z' | false // Friday
        // month ends: no such day in the last month, so its last day
        '2024-11-30'          | 3      | MONTHS | CALENDAR_MONTHS || '2025-02-28' | '2025-02-28T23:00:00Z' | false
        '2023-11-30'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-02-29' | '2024-02-29T23:00:00Z' | false // leap year
        '2023-11-29'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-02-29' | '2024-02-29T23:00:00Z' | false
        '2023-11-28'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-02-28' | '2024-02-28T23:00:00Z' | false
        '2024-01-31'          | 1      | MONTHS | CALENDAR_MONTHS || '2024-02-29' | '2024-02-29T23:00:00Z' | false
        '2025-01-31'          | 1      | MONTHS | CALENDAR_MONTHS || '2025-02-28' | '2025-02-28T23:00:00Z' | false
        '2024-03-31'          | 2      | MONTHS | CALENDAR_MONTHS || '2024-05-31' | '2024-05-31T22:00:00Z' | false
        '2024-12-31'          | 2      | MONTHS | CALENDAR_MONTHS || '2025-02-28' | '2025-02-28T23:00:00Z' | false
        '2024-05-31'          | 1      | MONTHS | CALENDAR_MONTHS || '2024-06-30' | '2024-06-30T22:00:00Z' | true  // Sunday
        '2024-08-31'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-11-30' | '2024-11-30T23:00:00Z' | true  // Saturday
        // years, leap day
        '2024-02-29'          | 1      | YEARS  | CALENDAR_MONTHS || '2025-02-28' | '2025-02-28T23:00:00Z' | false
        '2024-02-29'          | 5      | YEARS  | CALENDAR_MONTHS || '2029-02-28' | '2029-02-28T23:00:00Z' | false
        '2020-02-29'          | 4      | YEARS  | CALENDAR_MONTHS || '2024-02-29' | '2024-02-29T23:00:00Z' | false
        '2023-02-28'          | 1      | YEARS  | CALENDAR_MONTHS || '2024-02-28' | '2024-02-28T23:00:00Z' | false
        '2024-06-15T09:00'    | 1      | YEARS  | CALENDAR_MONTHS || '2025-06-15' | '2025-06-15T22:00:00Z' | true  // Sunday
        // last days around both daylight-saving changes: 24:00 Paris moves between 23:00 and 22:00 UTC
        '2023-12-30'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-03-30' | '2024-03-30T23:00:00Z' | true  // the night before spring forward
        '2023-12-31'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-03-31' | '2024-03-31T22:00:00Z' | true  // spring forward, Easter
        '2024-07-26'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-10-26' | '2024-10-26T22:00:00Z' | true  // the night before fall back
        '2024-07-27'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-10-27' | '2024-10-27T23:00:00Z' | true  // fall back
        '2025-01-28'          | 2      | MONTHS | CALENDAR_MONTHS || '2025-03-28' | '2025-03-28T23:00:00Z' | false
        // last days on public holidays, Easter-based ones included
        '2024-02-20'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-05-20' | '2024-05-20T22:00:00Z' | true  // Whit Monday
        '2024-02-09'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-05-09' | '2024-05-09T22:00:00Z' | true  // Ascension
        '2025-02-21'          | 2      | MONTHS | CALENDAR_MONTHS || '2025-04-21' | '2025-04-21T22:00:00Z' | true  // Easter Monday
        '2024-04-14'          | 3      | MONTHS | CALENDAR_MONTHS || '2024-07-14' | '2024-07-14T22:00:00Z' | true  // Bastille Day
        '2024-09-11'          | 2      | MONTHS | CALENDAR_MONTHS || '2024-11-11' | '2024-11-11T23:00:00Z' | true  // Armistice
        '2024-08-15'          | 1      | YEARS  | CALENDAR_MONTHS || '2025-08-15' | '2025-08-15T22:00:00Z' | true  // Assumption
        '2024-11-25'          | 1      | MONTHS | CALENDAR_MONTHS || '2024-12-25' | '2024-12-25T23:00:00Z' | true  // Christmas
        '2024-11-26'          | 1      | MONTHS | CALENDAR_MONTHS || '2024-12-26' | '2024-12-26T23:00:00Z' | false // not national
        '2024-03-29'          | 2      | MONTHS | CALENDAR_MONTHS || '2024-05-29' | '2024-05-29T22:00:00Z' | false
        '2024-04-14'          | 1      | MONTHS | CALENDAR_MONTHS || '2024-05-14' | '2024-05-14T22:00:00Z' | false
        // days: the day of receipt does not count
        '2024-03-28'          | 3      | DAYS   | WHOLE_DAYS      || '2024-03-31' | '2024-03-31T22:00:00Z' | true  // Easter, spring forward
        '2024-03-28T23:50'    | 3      | DAYS   | WHOLE_DAYS      || '2024-03-31' | '2024-03-31T22:00:00Z' | true
        '2024-12-29'          | 3      | DAYS   | WHOLE_DAYS      || '2025-01-01' | '2025-01-01T23:00:00Z' | true  // New Year
        '2025-02-26'          | 3      | DAYS   | WHOLE_DAYS      || '2025-03-01' | '2025-03-01T23:00:00Z' | true  // Saturday
        '2024-02-27'          | 3      | DAYS   | WHOLE_DAYS      || '2024-03-01' | '2024-03-01T23:00:00Z' | false
        '2024-02-26'          | 3      | DAYS   | WHOLE_DAYS      || '2024-02-29' | '2024-02-29T23:00:00Z' | false
        '2024-10-24'          | 3      | DAYS   | WHOLE_DAYS      || '2024-10-27' | '2024-10-27T23:00:00Z' | true  // fall back
        '2024-04-28'          | 3      | DAYS   | WHOLE_DAYS      || '2024-05-01' | '2024-05-01T22:00:00Z' | true  // Labour Day
        '2024-05-05'          | 3      | DAYS   | WHOLE_DAYS      || '2024-05-08' | '2024-05-08T22:00:00Z' | true  // Victory in Europe Day
        '2024-10-29'          | 3      | DAYS   | WHOLE_DAYS      || '2024-11-01' | '2024-11-01T23:00:00Z' | true  // All Saints
        // hours: real elapsed hours, across daylight-saving changes
        '2024-03-29T10:00'    | 72     | HOURS  | ELAPSED_HOURS   || '2024-04-01' | '2024-04-01T09:00:00Z' | true  // 11:00 Paris, Easter Monday
        '2024-10-25T10:00'    | 72     | HOURS  | ELAPSED_HOURS   || '2024-10-28' | '2024-10-28T08:00:00Z' | false // 09:00 Paris
        '2024-03-31T01:30'    | 72     | HOURS  | ELAPSED_HOURS   || '2024-04-03' | '2024-04-03T00:30:00Z' | false // 02:30 Paris
        '2024-03-31T02:30'    | 72     | HOURS  | ELAPSED_HOURS   || '2024-04-03' | '2024-04-03T01:30:00Z' | false // a time in the spring gap
        '2024-10-27T02:30'    | 72     | HOURS  | ELAPSED_HOURS   || '2024-10-30' | '2024-10-30T00:30:00Z' | false // the first 02:30 of two
        '2024-12-31T23:00'    | 72     | HOURS  | ELAPSED_HOURS   || '2025-01-03' | '2025-01-03T22:00:00Z' | false
        '2025-02-27T12:00'    | 72     | HOURS  | ELAPSED_HOURS   || '2025-03-02' | '2025-03-02T11:00:00Z' | true  // Sunday
        '2024-02-27T12:00'    | 72     | HOURS  | ELAPSED_HOURS   || '2024-03-01' | '2024-03-01T11:00:00Z' | false // through 29 February
        '2024-03-30T22:30'    | 24     | HOURS  | ELAPSED_HOURS   || '2024-03-31' | '2024-03-31T21:30:00Z' | true  // 23:30 Paris: 24 h, not 23
        '2024-10-26T22:30'    | 24     | HOURS  | ELAPSED_HOURS   || '2024-10-27' | '2024-10-27T20:30:00Z' | true  // 21:30 Paris: 24 h, not 25
        '2024-08-23'          | 72     | HOURS  | ELAPSED_HOURS   || '2024-08-26' | '2024-08-25T22:00:00Z' | false // a date alone counts from 00:00
    }

    def "Easter Sunday of #year is #easter"() {
        expect:
        FrenchHolidays.easterSunday(year) == LocalDate.parse(easter)

        where:
        year || easter
        2000 || '2000-04-23'
        2008 || '2008-03-23'
        2011 || '2011-04-24'
        2019 || '2019-04-21'
        2024 || '2024-03-31'
        2025 || '2025-04-20'
        2026 || '2026-04-05'
        2027 || '2027-03-28'
        2038 || '2038-04-25'
        2285 || '2285-03-22'
    }

    def "#day is a French public holiday: #holiday"() {
        expect:
        FrenchHolidays.holiday(LocalDate.parse(day)).orElse(null) == holiday

        where:
        day          || holiday
        '2024-01-01' || 'new-year'
        '2024-04-01' || 'easter-monday'
        '2024-05-01' || 'labour-day'
        '2024-05-08' || 'victory-1945'
        '2024-05-09' || 'ascension'
        '2024-05-20' || 'whit-monday'
        '2024-07-14' || 'bastille-day'
        '2024-08-15' || 'assumption'
        '2024-11-01' || 'all-saints'
        '2024-11-11' || 'armistice-1918'
        '2024-12-25' || 'christmas'
        '2025-04-21' || 'easter-monday'
        '2025-05-29' || 'ascension'
        '2025-06-09' || 'whit-monday'
        '2026-04-06' || 'easter-monday'
        '2026-05-14' || 'ascension'
        '2026-05-25' || 'whit-monday'
        '2024-03-29' || null // Good Friday: Alsace-Moselle only
        '2024-03-31' || null // Easter Sunday is a Sunday, not a holiday of its own
        '2024-12-26' || null // Alsace-Moselle only
        '2024-05-02' || null
        '2025-05-20' || null // last year's Whit Monday
    }

    def "a trigger is read in Europe/Paris: '#text' is #instant"() {
        expect:
        DeadlineCalculator.parseTrigger(text) == Instant.parse(instant)

        where:
        text                  || instant
        '2024-08-23'          || '2024-08-22T22:00:00Z'
        '2024-01-15'          || '2024-01-14T23:00:00Z'
        '2024-01-15T10:15:30' || '2024-01-15T09:15:30Z'
        ' 2024-07-01T00:00 '  || '2024-06-30T22:00:00Z'
        '2024-03-31T02:30'    || '2024-03-31T01:30:00Z' // does not exist: one hour later, the same instant
        '2024-10-27T02:30'    || '2024-10-27T00:30:00Z' // happens twice: the first one
    }

    def "'#text' is not a trigger, and the message says what is expected"() {
        when:
        DeadlineCalculator.parseTrigger(text)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('ISO-8601 local date')

        where:
        text << ['23/08/2024', '2024-02-30', '', null, '2024-08-23T25:00', '2024-08-23Z', '2024-08-23T10:00+02:00', 'demain']
    }

    def "a period is counted only by its own convention, and lasts at least one unit"() {
        when:
        DeadlineCalculator.compute(amount, unit, counting, Instant.parse('2024-01-01T00:00:00Z'))

        then:
        thrown(IllegalArgumentException)

        where:
        amount | unit   | counting
        3      | MONTHS | ELAPSED_HOURS
        72     | HOURS  | CALENDAR_MONTHS
        3      | DAYS   | CALENDAR_MONTHS
        1      | YEARS  | WHOLE_DAYS
        0      | MONTHS | CALENDAR_MONTHS
        -1     | HOURS  | ELAPSED_HOURS
    }
}
