package io.taskforce.reputation

import io.taskforce.legal.Counting
import io.taskforce.legal.DeadlineCalculator
import io.taskforce.legal.PeriodUnit

import spock.lang.Specification

import java.time.LocalDate

/** The pure rules of cleanup actions: their lifecycle, the de-listing answer date, and URL movement. */
class CleanupRulesSpec extends Specification {

    def "an action may move from #from to #to: #allowed"() {
        expect:
        CleanupLifecycle.allowed(from, to) == allowed

        where:
        [from, to] << [CleanupStatus.values(), CleanupStatus.values()].combinations()
        allowed = [[CleanupStatus.PLANNED, CleanupStatus.SUBMITTED], [CleanupStatus.SUBMITTED, CleanupStatus.ACCEPTED],
                   [CleanupStatus.SUBMITTED, CleanupStatus.REJECTED], [CleanupStatus.ACCEPTED, CleanupStatus.DONE],
                   [CleanupStatus.REJECTED, CleanupStatus.DONE]].contains([from, to])
    }

    def "a de-listing request sent on #sent is due an answer on #due (the legal rule's count: one calendar month, GDPR art. 12(3))"() {
        expect: 'the computation behind the rule delisting-answer-1m, which CleanupService reads through legal.RuleBook'
        DeadlineCalculator.compute(1, PeriodUnit.MONTHS, Counting.CALENDAR_MONTHS,
                LocalDate.parse(sent).atStartOfDay(DeadlineCalculator.PARIS).toInstant()).lastDay() == LocalDate.parse(due)

        where:
        sent         || due
        '2026-03-02' || '2026-04-02'
        '2026-01-31' || '2026-02-28'
        '2028-01-31' || '2028-02-29'
        '2026-12-15' || '2027-01-15'
    }

    def "a URL at #then then and #now now: left the top 10 #left10, the top 20 #left20"() {
        given: 'two queries; the action began on 10 March'
        def since = LocalDate.of(2026, 3, 10)
        def q1 = [seen('2026-03-02', then1), seen('2026-03-09', then1), seen('2026-03-16', now1)]
        def q2 = [seen('2026-03-09', then2), seen('2026-03-23', now2)]

        when:
        def m = UrlMovement.of(URL, since, [q1, q2])

        then:
        m.positionThen() == then
        m.positionNow() == now
        m.leftTop10() == left10
        m.leftTop20() == left20

        where:
        then1 | then2 | now1 | now2 || then | now  | left10 | left20
        3     | null  | null | null || 3    | null | true   | true
        3     | 8     | 12   | 15   || 3    | 12   | true   | false
        3     | null  | 12   | 4    || 3    | 4    | false  | false
        15    | null  | null | null || 15   | null | false  | true
        null  | null  | 2    | null || null | 2    | false  | false
        9     | 9     | 10   | 11   || 9    | 10   | false  | false
    }

    def "a query first seen after the action began counts from its first snapshot"() {
        expect:
        UrlMovement.of(URL, LocalDate.of(2026, 3, 1), [[seen('2026-03-09', 5), seen('2026-03-16', null)]]).leftTop10()
    }

    static final String URL = 'https://news.example/helio-fire'

    static UrlMovement.Seen seen(String date, Integer position) {
        new UrlMovement.Seen(LocalDate.parse(date), position == null ? [:] : [(URL): position])
    }
}
