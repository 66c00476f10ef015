package io.taskforce.audit

import spock.lang.Specification

import java.time.Instant
import java.time.temporal.ChronoUnit

/** The verifier recomputes every link and names the first broken one; checkpoints catch removals and rewrites. */
class ChainVerifierSpec extends Specification {

    static final UUID CHAIN = UUID.fromString('6a1f3c2e-0d4b-4e5f-9a8b-7c6d5e4f3a2b')
    static final int N = 10

    def "a valid chain verifies, with every event counted and the head at the last one"() {
        when:
        def result = verify(chain(N))

        then:
        result.valid()
        result.firstBroken() == null
        result.events() == N
        result.headSeq() == N
    }

    def "an empty chain is valid, with no events and no head"() {
        when:
        def result = verify([])

        then:
        result.valid()
        result.events() == 0
        result.headSeq() == 0
    }

    def "a chain of one event verifies"() {
        expect:
        verify(chain(1)).valid()
        verify(chain(1)).headSeq() == 1
    }

    def "altering the #field of event #seq breaks the chain at that event"() {
        given:
        def events = chain(N)
        events[seq - 1] = alter(events[seq - 1])

        when:
        def result = verify(events)

        then:
        !result.valid()
        result.firstBroken().seq() == seq
        result.firstBroken().reason().contains('altered')
        result.events() == N

        where:
        field             | seq | alter
        'action'          | 4   | { AuditEvent e -> copy(e, action: 'case.deleted') }
        'changes text'    | 5   | { AuditEvent e -> copy(e, changes: e.changes().replace('"after":"v5"', '"after":"v6"')) }
        'changes (erased)'| 5   | { AuditEvent e -> copy(e, changes: null) }
        'actor username'  | 1   | { AuditEvent e -> copy(e, actorUsername: 'mallory') }
        'actor roles'     | 2   | { AuditEvent e -> copy(e, actorRoles: ['platform_admin']) }
        'actor firm'      | 3   | { AuditEvent e -> copy(e, actorFirm: null) }
        'ip'              | 6   | { AuditEvent e -> copy(e, ip: '198.51.100.66') }
        'user agent'      | 7   | { AuditEvent e -> copy(e, userAgent: 'curl/8.0') }
        'request id'      | 8   | { AuditEvent e -> copy(e, requestId: 'req-other') }
        'entity id'       | 9   | { AuditEvent e -> copy(e, entityId: 'another') }
        'case id'         | 9   | { AuditEvent e -> copy(e, caseId: UUID.randomUUID()) }
        'time'            | 10  | { AuditEvent e -> copy(e, occurredAt: e.occurredAt().plusNanos(1000)) }
        'chain'           | 10  | { AuditEvent e -> copy(e, chain: UUID.randomUUID()) }
        'hash'            | 10  | { AuditEvent e -> copy(e, hash: 'f' * 64) }
    }

    def "altering an event and recomputing its hash is caught at the next event, whose previous-hash no longer matches"() {
        given:
        def events = chain(N)
        def forged = copy(events[3], action: 'case.deleted')
        events[3] = copy(forged, hash: HashChain.link(forged.prevHash(), forged.canonical()))

        when:
        def result = verify(events)

        then:
        result.firstBroken().seq() == 5
        result.firstBroken().reason().contains('previous-hash')
    }

    def "a removed middle event is reported as a gap at the missing sequence number"() {
        given:
        def events = chain(N)
        events.remove(5) // seq 6

        when:
        def result = verify(events)

        then:
        !result.valid()
        result.firstBroken().seq() == 6
        result.firstBroken().reason().contains('event 6 is missing')
        result.firstBroken().reason().contains('7')
    }

    def "a removed first event is reported at sequence number 1"() {
        given:
        def events = chain(N).drop(1)

        expect:
        verify(events).firstBroken().seq() == 1
        verify(events).firstBroken().reason().contains('missing')
    }

    def "two swapped events are reported"() {
        given:
        def events = chain(N)
        Collections.swap(events, 4, 5)

        when:
        def result = verify(events)

        then:
        !result.valid()
        result.firstBroken().seq() == 5
        result.firstBroken().reason().contains('missing')
    }

    def "a duplicated event, fed again out of order, is reported"() {
        given:
        def events = chain(N)
        events.add(6, events[2]) // seq 3 again after seq 6

        when:
        def result = verify(events)

        then:
        !result.valid()
        result.firstBroken().seq() == 7
        result.firstBroken().reason().contains('out of order')
    }

    def "a wrong previous-hash is reported at its event"() {
        given:
        def events = chain(N)
        events[6] = copy(events[6], prevHash: 'e' * 64)

        when:
        def result = verify(events)

        then:
        !result.valid()
        result.firstBroken().seq() == 7
        result.firstBroken().reason().contains('previous-hash')
    }

    def "a first event that does not follow the genesis hash is reported"() {
        given:
        def events = rebuild(chain(N), 'a' * 64)

        expect: 'the chain is internally consistent, but does not start from genesis'
        verify(events).firstBroken().seq() == 1
        verify(events).firstBroken().reason().contains('previous-hash')
    }

    def "only the first broken link is reported"() {
        given:
        def events = chain(N)
        events[2] = copy(events[2], ip: 'x')
        events[7] = copy(events[7], ip: 'y')

        expect:
        verify(events).firstBroken().seq() == 3
    }

    def "checkpoints that match the chain keep it valid"() {
        given:
        def events = chain(N)
        def checkpoints = [(3L): events[2].hash(), (7L): events[6].hash(), (10L): events[9].hash()]

        when:
        def result = verify(events, checkpoints)

        then:
        result.valid()
        result.headSeq() == N
    }

    def "a checkpoint beyond the head reveals that the tail was removed"() {
        given:
        def events = chain(N)
        def checkpoints = [(N as long): events[N - 1].hash()]
        def truncated = events.take(7)

        when:
        def result = verify(truncated, checkpoints)

        then:
        !result.valid()
        result.firstBroken().seq() == N
        result.firstBroken().reason().contains('removed')
        result.headSeq() == 7
    }

    def "a checkpoint whose hash differs reveals that the whole chain was rewritten consistently"() {
        given:
        def events = chain(N)
        def checkpoints = [(4L): events[3].hash(), (8L): events[7].hash()]
        def rewritten = events.withIndex().collect { e, i -> i == 5 ? copy(e, action: 'nothing.happened') : e }
        rewritten = rebuild(rewritten, HashChain.GENESIS)

        expect: 'without checkpoints the rewritten chain looks valid'
        verify(rewritten).valid()

        when:
        def result = verify(rewritten, checkpoints)

        then: 'the first checkpoint after the rewrite names it'
        !result.valid()
        result.firstBroken().seq() == 8
        result.firstBroken().reason().contains('rewritten')
    }

    def "a broken link is reported before any checkpoint problem"() {
        given:
        def events = chain(N)
        events[1] = copy(events[1], action: 'x')

        expect:
        verify(events, [(9L): 'f' * 64]).firstBroken().seq() == 2
        verify(events, [(9L): 'f' * 64]).firstBroken().reason().contains('altered')
    }

    // --- building chains -------------------------------------------------------------------------------------

    /** N events linked from genesis, as AuditTrail would have written them. */
    static List<AuditEvent> chain(int n) {
        if (n == 0) {
            return []
        }
        def start = Instant.parse('2025-06-01T08:00:00.123456Z')
        def events = (1..n).collect { int seq ->
            new AuditEvent(CHAIN, seq, start.plus(seq, ChronoUnit.SECONDS).plusNanos(seq * 1000L), "subject-${seq % 3}",
                    seq % 2 ? 'élodie' : 'bob "the builder"', seq % 2 ? ['lawyer'] : ['client', 'consultant'],
                    seq % 2 ? 'LEGAL' : null, "thing.changed.${seq}", 'thing', "id-${seq}",
                    seq % 4 ? null : UUID.nameUUIDFromBytes("case-${seq}".bytes),
                    seq % 3 ? CanonicalJson.write([title: [before: "v${seq - 1}", after: "v${seq}"]]) : null,
                    "192.0.2.${seq}", 'Mozilla/5.0 😀', "req-${seq}", null, null)
        }
        rebuild(events, HashChain.GENESIS)
    }

    /** Recomputes prev_hash and hash of every event in order, from the given start: what a thorough forger does. */
    static List<AuditEvent> rebuild(List<AuditEvent> events, String genesis) {
        String previous = genesis
        events.collect { e ->
            def unhashed = copy(e, prevHash: previous, hash: null)
            def linked = copy(unhashed, hash: HashChain.link(previous, unhashed.canonical()))
            previous = linked.hash()
            linked
        }
    }

    static AuditEvent copy(Map changes, AuditEvent e) {
        Map fields = [chain        : e.chain(), seq: e.seq(), occurredAt: e.occurredAt(), actorSubject: e.actorSubject(),
                      actorUsername: e.actorUsername(), actorRoles: e.actorRoles(), actorFirm: e.actorFirm(),
                      action       : e.action(), entityType: e.entityType(), entityId: e.entityId(), caseId: e.caseId(),
                      changes      : e.changes(), ip: e.ip(), userAgent: e.userAgent(), requestId: e.requestId(),
                      prevHash     : e.prevHash(), hash: e.hash()] + changes
        new AuditEvent(fields.chain as UUID, fields.seq as long, fields.occurredAt as Instant, fields.actorSubject as String,
                fields.actorUsername as String, fields.actorRoles as List<String>, fields.actorFirm as String,
                fields.action as String, fields.entityType as String, fields.entityId as String, fields.caseId as UUID,
                fields.changes as String, fields.ip as String, fields.userAgent as String, fields.requestId as String,
                fields.prevHash as String, fields.hash as String)
    }

    static ChainVerifier.Result verify(List<AuditEvent> events, Map<Long, String> checkpoints = [:]) {
        def verifier = new ChainVerifier(checkpoints)
        events.each { verifier.accept(it) }
        verifier.result()
    }
}
