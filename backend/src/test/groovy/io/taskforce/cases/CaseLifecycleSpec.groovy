package io.taskforce.cases

import spock.lang.Specification

import static io.taskforce.cases.CaseStatus.*

class CaseLifecycleSpec extends Specification {

    def "#from → #to is #verdict"() {
        expect:
        CaseLifecycle.refusal(from, to, [] as Set).isEmpty() == allowed

        where:
        from       | to         || allowed
        TRIAGED    | ACTIVE     || true
        ACTIVE     | MONITORING || true
        MONITORING | ACTIVE     || true
        ACTIVE     | CLOSED     || true
        MONITORING | CLOSED     || true
        CLOSED     | ACTIVE     || true
        TRIAGED    | CLOSED     || true
        NEW        | ACTIVE     || false
        NEW        | TRIAGED    || false
        NEW        | CLOSED     || false
        ACTIVE     | ACTIVE     || false
        CLOSED     | MONITORING || false
        ACTIVE     | NEW        || false
        verdict = allowed ? 'allowed' : 'refused'
    }

    def "a case becomes ACTIVE only with a lead on each active workstream, and the refusal names the missing ones"() {
        when:
        def refusal = CaseLifecycle.refusal(TRIAGED, ACTIVE, [Workstream.REPUTATION, Workstream.LEGAL] as Set)

        then:
        refusal.get().contains('LEGAL, REPUTATION')

        expect:
        CaseLifecycle.refusal(ACTIVE, MONITORING, [Workstream.LEGAL] as Set).isEmpty()
    }
}
