package io.taskforce.engagement

import spock.lang.Specification

import java.time.Duration
import java.time.Instant

class DebunkTimeSpec extends Specification {

    static final Instant SEEN = Instant.parse('2026-03-10T08:00:00Z')

    def "a #status rumour resolved #resolved has time-to-debunk #expected"() {
        expect:
        DebunkTime.of(status, SEEN, resolved) == expected
        DebunkTime.minutes(status, SEEN, resolved) == expected?.toMinutes()

        where:
        status                 | resolved                                || expected
        RumourStatus.DEBUNKED  | Instant.parse('2026-03-10T09:30:00Z')   || Duration.ofMinutes(90)
        RumourStatus.DEBUNKED  | Instant.parse('2026-03-12T08:00:00Z')   || Duration.ofDays(2)
        RumourStatus.DEBUNKED  | SEEN                                    || Duration.ZERO
        RumourStatus.DEBUNKED  | Instant.parse('2026-03-10T07:00:00Z')   || Duration.ZERO
        RumourStatus.CONFIRMED | Instant.parse('2026-03-10T09:30:00Z')   || null
        RumourStatus.WATCHING  | null                                    || null
        RumourStatus.DEBUNKED  | null                                    || null
    }
}
