package io.taskforce.platform.jobs

import spock.lang.Specification

import java.time.Duration

class RetrySpec extends Specification {

    Retry retry = new Retry(Duration.ofSeconds(10), Duration.ofMinutes(5), 6)

    def "after #failures failed attempts the next one waits #wait"() {
        expect:
        retry.delayAfter(failures) == wait

        where:
        failures || wait
        0        || Duration.ofSeconds(10)
        1        || Duration.ofSeconds(10)
        2        || Duration.ofSeconds(20)
        3        || Duration.ofSeconds(40)
        5        || Duration.ofSeconds(160)
        6        || Duration.ofMinutes(5)
        64       || Duration.ofMinutes(5)
    }

    def "it gives up after the last attempt, not before"() {
        expect:
        !retry.givesUpAfter(5)
        retry.givesUpAfter(6)
        retry.givesUpAfter(7)
    }

    def "a policy that cannot work is refused: #base, #cap, #attempts"() {
        when:
        new Retry(base, cap, attempts)

        then:
        thrown(IllegalArgumentException)

        where:
        base                   | cap                    | attempts
        Duration.ZERO          | Duration.ofSeconds(1)  | 3
        Duration.ofSeconds(-1) | Duration.ofSeconds(1)  | 3
        Duration.ofSeconds(10) | Duration.ofSeconds(1)  | 3
        Duration.ofSeconds(1)  | Duration.ofSeconds(10) | 0
    }
}
