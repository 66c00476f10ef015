package io.taskforce.messages

import spock.lang.Specification

import static io.taskforce.messages.MessageState.*

class SignOffSpec extends Specification {

    static final UUID CONSULTANT = UUID.fromString('00000000-0000-0000-0000-00000000000c')
    static final UUID LAWYER = UUID.fromString('00000000-0000-0000-0000-00000000000a')
    static final UUID OTHER_LAWYER = UUID.fromString('00000000-0000-0000-0000-00000000000b')
    static final UUID SPECIALIST = UUID.fromString('00000000-0000-0000-0000-00000000000d')
    static final String HASH = 'a' * 64
    static final String OTHER_HASH = 'b' * 64

    static SignOff.Person person(UUID id) {
        new SignOff.Person(id, id == CONSULTANT, id in [LAWYER, OTHER_LAWYER])
    }

    static SignOff.Subject message(MessageState state, UUID author = CONSULTANT, Set<UUID> approvals = [] as Set) {
        new SignOff.Subject(state, new SignOff.Revision(3, HASH, author), approvals)
    }

    def "an approval is given by a team lawyer who did not write the revision, on the current revision and its hash"() {
        when:
        def outcome = attempt { SignOff.approve(message(state, author), person(who), revision, hash) }

        then:
        outcome == expected

        where:
        state             | author     | who          | revision | hash       || expected
        IN_REVIEW         | CONSULTANT | LAWYER       | 3        | HASH       || APPROVED
        IN_REVIEW         | LAWYER     | OTHER_LAWYER | 3        | HASH       || APPROVED
        IN_REVIEW         | LAWYER     | LAWYER       | 3        | HASH       || 'forbidden'
        IN_REVIEW         | CONSULTANT | CONSULTANT   | 3        | HASH       || 'forbidden'
        IN_REVIEW         | CONSULTANT | SPECIALIST   | 3        | HASH       || 'forbidden'
        IN_REVIEW         | CONSULTANT | LAWYER       | 2        | HASH       || 'conflict'
        IN_REVIEW         | CONSULTANT | LAWYER       | 3        | OTHER_HASH || 'conflict'
        DRAFT             | CONSULTANT | LAWYER       | 3        | HASH       || 'conflict'
        APPROVED          | CONSULTANT | LAWYER       | 3        | HASH       || 'conflict'
        CHANGES_REQUESTED | CONSULTANT | LAWYER       | 3        | HASH       || 'conflict'
        PUBLISHED         | CONSULTANT | LAWYER       | 3        | HASH       || 'conflict'
    }

    def "publication needs a consultant, an approved message, the current revision, its hash, and an approval of those words"() {
        when:
        def outcome = attempt { SignOff.publish(message(state, CONSULTANT, approvals as Set), person(who), revision, hash) }

        then:
        outcome == expected

        where:
        state     | approvals | who        | revision | hash       || expected
        APPROVED  | [LAWYER]  | CONSULTANT | 3        | HASH       || PUBLISHED
        APPROVED  | [LAWYER]  | LAWYER     | 3        | HASH       || 'forbidden'
        APPROVED  | [LAWYER]  | SPECIALIST | 3        | HASH       || 'forbidden'
        APPROVED  | [LAWYER]  | CONSULTANT | 2        | HASH       || 'conflict'
        APPROVED  | [LAWYER]  | CONSULTANT | 3        | OTHER_HASH || 'conflict'
        APPROVED  | []        | CONSULTANT | 3        | HASH       || 'conflict'
        DRAFT     | [LAWYER]  | CONSULTANT | 3        | HASH       || 'conflict'
        IN_REVIEW | []        | CONSULTANT | 3        | HASH       || 'conflict'
        PUBLISHED | [LAWYER]  | CONSULTANT | 3        | HASH       || 'conflict'
        WITHDRAWN | [LAWYER]  | CONSULTANT | 3        | HASH       || 'conflict'
    }

    def "any edit starts over from DRAFT, except on a withdrawn message; only consultants and lawyers draft"() {
        expect:
        attempt { SignOff.edit(message(state), person(who)) } == expected

        where:
        state             | who        || expected
        DRAFT             | CONSULTANT || DRAFT
        IN_REVIEW         | LAWYER     || DRAFT
        APPROVED          | CONSULTANT || DRAFT
        CHANGES_REQUESTED | CONSULTANT || DRAFT
        PUBLISHED         | CONSULTANT || DRAFT
        WITHDRAWN         | CONSULTANT || 'conflict'
        DRAFT             | SPECIALIST || 'forbidden'
    }

    def "a draft or a message sent back is submitted at its current revision"() {
        expect:
        attempt { SignOff.submit(message(state), person(who), revision) } == expected

        where:
        state             | who        | revision || expected
        DRAFT             | CONSULTANT | 3        || IN_REVIEW
        CHANGES_REQUESTED | LAWYER     | 3        || IN_REVIEW
        DRAFT             | CONSULTANT | 1        || 'conflict'
        IN_REVIEW         | CONSULTANT | 3        || 'conflict'
        APPROVED          | CONSULTANT | 3        || 'conflict'
        DRAFT             | SPECIALIST | 3        || 'forbidden'
    }

    def "changes are requested by a team lawyer who did not write the revision, while it is in review"() {
        expect:
        attempt { SignOff.requestChanges(message(state, author), person(who), 3) } == expected

        where:
        state     | author | who          || expected
        IN_REVIEW | CONSULTANT | LAWYER   || CHANGES_REQUESTED
        IN_REVIEW | LAWYER | LAWYER       || 'forbidden'
        IN_REVIEW | CONSULTANT | CONSULTANT || 'forbidden'
        DRAFT     | CONSULTANT | LAWYER   || 'conflict'
    }

    def "only a published message is withdrawn"() {
        expect:
        attempt { SignOff.withdraw(message(state), person(who)) } == expected

        where:
        state     | who        || expected
        PUBLISHED | CONSULTANT || WITHDRAWN
        PUBLISHED | LAWYER     || WITHDRAWN
        APPROVED  | CONSULTANT || 'conflict'
        PUBLISHED | SPECIALIST || 'forbidden'
    }

    private static Object attempt(Closure<MessageState> decision) {
        try {
            decision()
        } catch (SignOff.Refused refused) {
            assert refused.message
            refused.forbidden() ? 'forbidden' : 'conflict'
        }
    }
}
