package io.taskforce.cases

import spock.lang.Specification

import java.time.Instant

import static io.taskforce.cases.ClockRule.*
import static io.taskforce.cases.CrisisType.*
import static io.taskforce.cases.Workstream.*

/** Every row of DESIGN §3, alone and combined. */
class TriageRulesSpec extends Specification {

    static final Instant OCCURRED = Instant.parse('2026-11-28T01:00:00Z')
    static final Instant PUBLISHED = Instant.parse('2026-08-23T10:00:00Z')
    static final Instant REPORTED = Instant.parse('2026-11-28T07:30:00Z')

    static TriageFacts facts(Map args = [:]) {
        new TriageFacts((args.types ?: []) as Set, args.kinetics as Kinetics, args.personalData ?: false,
                args.hostile ?: false, args.author as SuspectedAuthor, args.containsKey('occurred') ? args.occurred : OCCURRED,
                args.published as Instant, REPORTED)
    }

    def "#row routes to #workstreams (lead first), starts #clocks and plans #taskCount tasks"() {
        when:
        def outcome = TriageRules.propose(input)

        then:
        outcome.workstreams() == workstreams
        outcome.clocks()*.rule() == clocks
        outcome.tasks().size() == taskCount
        outcome.tasks()*.workstream().every { it in workstreams }

        where:
        row                                     | input                                                          || workstreams                        | clocks                                                 | taskCount
        'personal data lost'                    | facts(personalData: true)                                      || [LEGAL, COMMUNICATION]             | [GDPR_BREACH_NOTIFICATION]                             | 4
        'hostile publication, slow'             | facts(types: [DEFAMATION], kinetics: Kinetics.SLOW, published: PUBLISHED) || [LEGAL, REPUTATION]     | [DEFAMATION_LIMITATION, RIGHT_OF_REPLY_REQUEST]        | 4
        'hostile publication that spreads'      | facts(types: [DEFAMATION], kinetics: Kinetics.FAST, published: PUBLISHED) || [LEGAL, REPUTATION, COMMUNICATION] | [DEFAMATION_LIMITATION, RIGHT_OF_REPLY_REQUEST] | 5
        'hostile publications, untyped'         | facts(hostile: true, published: PUBLISHED)                     || [LEGAL, REPUTATION]                | [DEFAMATION_LIMITATION, RIGHT_OF_REPLY_REQUEST]        | 4
        'discriminatory defamation'             | facts(types: [DISCRIMINATORY_DEFAMATION], published: PUBLISHED) || [LEGAL, REPUTATION]               | [DISCRIMINATORY_DEFAMATION_LIMITATION]                 | 4
        'denigration'                           | facts(types: [DENIGRATION], published: PUBLISHED)              || [LEGAL, REPUTATION]                | [DENIGRATION_LIMITATION]                               | 4
        'employee author'                       | facts(author: SuspectedAuthor.EMPLOYEE)                        || [LEGAL]                            | [DISCIPLINARY_ACTION]                                  | 1
        'competitor author'                     | facts(author: SuspectedAuthor.COMPETITOR)                      || [LEGAL]                            | []                                                     | 1
        'industrial accident'                   | facts(types: [INDUSTRIAL_ACCIDENT])                            || [COMMUNICATION, LEGAL]             | []                                                     | 4
        'product recall'                        | facts(types: [PRODUCT_SAFETY])                                 || [COMMUNICATION, LEGAL]             | []                                                     | 4
        'outage'                                | facts(types: [OUTAGE])                                         || [COMMUNICATION, LEGAL]             | []                                                     | 4
        'bad buzz'                              | facts(types: [BAD_BUZZ])                                       || [COMMUNICATION, REPUTATION]        | []                                                     | 3
        'old crisis on page one'                | facts(types: [LEGACY_SEARCH_RESULTS])                          || [REPUTATION]                       | []                                                     | 3
        'nothing reported'                      | facts()                                                        || [COMMUNICATION]                    | []                                                     | 1
        'datacenter fire losing personal data'  | facts(types: [OUTAGE, DATA_BREACH])                            || [LEGAL, COMMUNICATION]             | [GDPR_BREACH_NOTIFICATION]                             | 7
        'defamation by a former employee'       | facts(types: [DEFAMATION], kinetics: Kinetics.SLOW, author: SuspectedAuthor.EMPLOYEE, published: PUBLISHED) || [LEGAL, REPUTATION] | [DEFAMATION_LIMITATION, RIGHT_OF_REPLY_REQUEST, DISCIPLINARY_ACTION] | 5
        'bad buzz about a recall'               | facts(types: [BAD_BUZZ, PRODUCT_SAFETY])                       || [COMMUNICATION, LEGAL, REPUTATION] | []                                                     | 7
        'denigration by a competitor'           | facts(types: [DENIGRATION], author: SuspectedAuthor.COMPETITOR) || [LEGAL, REPUTATION]               | [DENIGRATION_LIMITATION]                               | 5
    }

    def "press-law clocks run from the first publication, the breach from the facts, discipline from the report"() {
        when:
        def clocks = TriageRules.propose(facts(types: [DEFAMATION, DATA_BREACH], author: SuspectedAuthor.EMPLOYEE,
                published: PUBLISHED)).clocks().collectEntries { [it.rule(), it.triggerAt()] }

        then:
        clocks[DEFAMATION_LIMITATION] == PUBLISHED
        clocks[RIGHT_OF_REPLY_REQUEST] == PUBLISHED
        clocks[GDPR_BREACH_NOTIFICATION] == OCCURRED
        clocks[DISCIPLINARY_ACTION] == REPORTED
    }

    def "without a first publication date, a press-law clock starts at the earliest date known, never later"() {
        expect:
        TriageRules.propose(facts(types: [DEFAMATION], occurred: occurred)).clocks()*.triggerAt().toSet() == [expected] as Set

        where:
        occurred || expected
        OCCURRED || OCCURRED
        null     || REPORTED
    }

    def "types are inferred from the facts until the consultant names them; kinetics, cluster, severity and phase follow"() {
        when:
        def outcome = TriageRules.propose(input)

        then:
        outcome.crisisTypes() == types as Set
        outcome.kinetics() == kinetics
        outcome.cluster() == cluster
        outcome.severity() == severity
        outcome.phase() == phase

        where:
        input                                         || types                      | kinetics      | cluster                | severity | phase
        facts(personalData: true)                     || [DATA_BREACH]              | Kinetics.FAST | Cluster.VICTIM         | 1        | Phase.HOT
        facts(hostile: true)                          || [DEFAMATION]               | Kinetics.SLOW | Cluster.VICTIM         | 3        | Phase.HOT
        facts(types: [OUTAGE])                        || [OUTAGE]                   | Kinetics.FAST | Cluster.ACCIDENTAL     | 2        | Phase.HOT
        facts(types: [PRODUCT_SAFETY])                || [PRODUCT_SAFETY]           | Kinetics.FAST | Cluster.PREVENTABLE    | 1        | Phase.HOT
        facts(types: [LEGACY_SEARCH_RESULTS])         || [LEGACY_SEARCH_RESULTS]    | Kinetics.SLOW | Cluster.VICTIM         | 3        | Phase.AFTERMATH
        facts(types: [OUTAGE], kinetics: Kinetics.SLOW) || [OUTAGE]                 | Kinetics.SLOW | Cluster.ACCIDENTAL     | 3        | Phase.HOT
    }

    def "first-hour tasks come first, and a task two rows share is planned once"() {
        when:
        def tasks = TriageRules.propose(facts(types: [DEFAMATION, DENIGRATION], published: PUBLISHED)).tasks()

        then:
        tasks*.code().count { it == 'captureEvidence' } == 1
        tasks*.dueIn() == tasks*.dueIn().toSorted()
    }

    def "every task the rules can plan has a title in French and English"() {
        given:
        def all = CrisisType.values().collectMany { type ->
            TriageRules.propose(facts(types: [type], author: SuspectedAuthor.EMPLOYEE)).tasks() +
                    TriageRules.propose(facts(types: [type], author: SuspectedAuthor.COMPETITOR, kinetics: Kinetics.FAST)).tasks()
        }*.code().toSet()

        expect:
        all.size() >= 15
        all.every { TaskTitles.of(it, 'fr') != TaskTitles.of(it, 'en') }
    }
}
