package io.taskforce.reputation

import spock.lang.Specification

import java.time.LocalDate

/**
 * The metrics of a snapshot, computed by hand. A snapshot is written as one token per position from 1: ownership
 * (O owned, T third party, ? unclassified) then tone (N negative, 0 neutral, P positive, ? unclassified).
 * Click weights (ClickCurve): page one 31.73 24.71 18.66 13.60 9.51 6.23 4.15 3.12 2.97 3.09 = 117.77; page two
 * 0.078 each = 0.78; a full top 20 weighs 118.55.
 */
class SerpMetricsSpec extends Specification {

    def "#description"() {
        when:
        def m = SerpMetrics.of(results(snapshot))

        then:
        m.negativesTop10() == negatives10
        m.negativesTop20() == negatives20
        m.ownedShareTop10() == ownedShare
        m.inCrisis() == crisis
        m.negativeVisibility() == visibility

        where:
        description                                                  | snapshot                                   || negatives10 | negatives20 | ownedShare | crisis | visibility
        'a clean page: twenty owned positive results'                | 'OP ' * 20                                 || 0           | 0           | 1.0        | false  | 0.0
        'one negative at position 1: 31.73 / 118.55'                 | 'TN ' + 'OP ' * 19                         || 1           | 1           | 0.9        | false  | 0.2677
        'six third-party neutral results above four owned: crisis'   | 'T0 ' * 6 + 'O0 ' * 4                      || 0           | 0           | 0.4        | true   | 0.0
        'five and five: not outnumbered, not in crisis'              | 'T0 ' * 5 + 'OP ' * 5 + 'T0 ' * 10         || 0           | 0           | 0.5        | false  | 0.0
        'negatives at 11 and 20 only: 0.156 / 118.55'                | 'OP ' * 10 + 'TN ' + 'T0 ' * 8 + 'TN'      || 0           | 2           | 1.0        | false  | 0.0013
        'nothing classified yet: no share, no crisis, no negative'  | '?? ' * 20                                 || 0           | 0           | 0.0        | false  | 0.0
        'three results only: 31.73 / (31.73 + 24.71 + 18.66)'        | 'TN OP OP'                                 || 1           | 1           | 0.6667     | false  | 0.4225
        'the two first negative, ten results: 56.44 / 117.77'        | 'TN TN ' + 'T0 ' * 8                       || 2           | 2           | 0.0        | true   | 0.4792
        'the whole first page negative: 117.77 / 118.55'             | 'TN ' * 10 + 'OP ' * 10                    || 10          | 10          | 0.0        | true   | 0.9934
        'unclassified ownership counts for neither side'            | 'T0 ?0 ?0 ?0 O0'                           || 0           | 0           | 0.2        | false  | 0.0
        'an empty snapshot'                                          | ''                                         || 0           | 0           | 0.0        | false  | 0.0
    }

    def "the click curve weighs position 1 most, falls over page one and gives page two a tenth of 0.78% each"() {
        expect:
        ClickCurve.weight(1) == 31.73d
        ClickCurve.weight(2) == 24.71d
        ClickCurve.weight(10) == 3.09d
        (11..20).every { ClickCurve.weight(it) == 0.078d }
        (1..9).every { ClickCurve.weight(it) > ClickCurve.weight(it + 1) || it == 9 }
    }

    def "a position outside the top 20 has no weight to give"() {
        when:
        ClickCurve.weight(position)

        then:
        thrown(IllegalArgumentException)

        where:
        position << [0, 21, -1]
    }

    def "page one has been clean since #expected for negatives in the top 10 of #negatives"() {
        given:
        def day = LocalDate.of(2026, 3, 2)
        def dated = negatives.withIndex().collect { int n, int i ->
            new SerpMetrics.Dated(day.plusWeeks(i), new SerpMetrics.Measures(n, n, 0, false, 0))
        }

        expect:
        SerpMetrics.pageOneCleanSince(dated) == (expected == null ? null : LocalDate.parse(expected))

        where:
        negatives          || expected
        []                 || null
        [3]                || null
        [0]                || '2026-03-02'
        [3, 2, 0, 0]       || '2026-03-16'
        [3, 0, 1, 0]       || '2026-03-23'
        [0, 0, 0]          || '2026-03-02'
        [0, 0, 1]          || null
    }

    static List<SerpMetrics.Result> results(String snapshot) {
        snapshot.trim().split(/\s+/).findAll { it }.withIndex().collect { String token, int i ->
            new SerpMetrics.Result(i + 1, [O: Ownership.OWNED, T: Ownership.THIRD_PARTY, '?': null][token[0]],
                    [N: Tone.NEGATIVE, '0': Tone.NEUTRAL, P: Tone.POSITIVE, '?': null][token[1]])
        }
    }

    def "the case's trend adds up negatives per date and averages the shares over the queries measured that day"() {
        given:
        def d1 = LocalDate.of(2026, 3, 2)
        def d2 = LocalDate.of(2026, 3, 9)
        def snapshots = [
                new SerpMetrics.Dated(d2, new SerpMetrics.Measures(0, 1, 1.0d, false, 0.001d)),
                new SerpMetrics.Dated(d1, new SerpMetrics.Measures(2, 3, 0.2d, true, 0.4d)),
                new SerpMetrics.Dated(d1, new SerpMetrics.Measures(1, 1, 0.5d, false, 0.1d))]

        when:
        def trend = SerpMetrics.caseTrend(snapshots)

        then:
        trend*.date() == [d1, d2]
        trend[0].measures() == new SerpMetrics.Measures(3, 4, 0.35d, true, 0.25d)
        trend[1].measures() == new SerpMetrics.Measures(0, 1, 1.0d, false, 0.001d)
        SerpMetrics.caseTrend([]) == []
    }
}
