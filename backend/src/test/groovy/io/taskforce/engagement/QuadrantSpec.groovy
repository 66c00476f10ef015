package io.taskforce.engagement

import spock.lang.Specification

class QuadrantSpec extends Specification {

    def "power #power and interest #interest place a stakeholder in #expected"() {
        expect:
        Quadrant.of(power, interest) == expected

        where:
        power | interest || expected
        5     | 5        || Quadrant.MANAGE_CLOSELY
        3     | 3        || Quadrant.MANAGE_CLOSELY
        5     | 1        || Quadrant.KEEP_SATISFIED
        3     | 2        || Quadrant.KEEP_SATISFIED
        2     | 5        || Quadrant.KEEP_INFORMED
        1     | 3        || Quadrant.KEEP_INFORMED
        2     | 2        || Quadrant.MONITOR
        1     | 1        || Quadrant.MONITOR
    }

    def "power and interest outside 1 to 5 are refused"() {
        when:
        Quadrant.of(power, interest)

        then:
        thrown(IllegalArgumentException)

        where:
        power | interest
        0     | 3
        3     | 6
    }
}
