package io.taskforce.legal

import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

/** The rules and the deadline calculator through the API, with real tokens; rule edits by platform admins. */
@RealServices
class LegalRulesSpec extends Specification {

    static final String PLATFORM = '00000000-0000-0000-0000-000000000000'

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api

    def setup() {
        api = new Api(server.URI)
    }

    def "the eight rules are listed with their basis, text version, duration and counting convention"() {
        when:
        def rules = api.get('/api/v1/legal/rules', Tokens.of('lawyer')).json

        then:
        rules*.id.toSet() == ['press-defamation-3m', 'press-discriminatory-1y', 'right-of-reply-request-3m', 'denigration-5y',
                              'gdpr-breach-72h', 'disciplinary-2m', 'delisting-answer-1m', 'right-of-reply-insertion-3d'] as Set
        with(rules.find { it.id == 'press-defamation-3m' }) {
            basis == 'Loi du 29 juillet 1881, art. 65'
            amount == 3 && unit == 'MONTHS' && counting == 'CALENDAR_MONTHS' && trigger == 'FIRST_PUBLICATION'
            reminders == ['50%', 'P14D', 'P7D', 'P2D', 'P1D']
            nameFr && nameEn && textVersion && version >= 1
        }
        with(rules.find { it.id == 'gdpr-breach-72h' }) {
            amount == 72 && unit == 'HOURS' && counting == 'ELAPSED_HOURS' && reminders == ['PT48H', 'PT24H', 'PT6H']
        }
    }

    def "the calculator answers #rule from #trigger with exactly the contract's fields"() {
        when:
        def response = api.get("/api/v1/legal/deadline-preview?rule=${rule}&trigger=${trigger}", Tokens.of(user))

        then:
        response.status == 200
        response.json.keySet() == ['rule', 'lastDay', 'endsAt', 'nonWorkingLastDay', 'basis'] as Set
        response.json.rule == rule
        response.json.lastDay == lastDay
        response.json.endsAt == endsAt
        response.json.nonWorkingLastDay == flag
        response.json.basis == basis

        where:
        rule                          | trigger            | user         || lastDay      | endsAt                 | flag  | basis
        'press-defamation-3m'         | '2014-08-23'       | 'lawyer'     || '2014-11-23' | '2014-11-23T23:00:00Z' | true  | 'Loi du 29 juillet 1881, art. 65'
        'press-discriminatory-1y'     | '2024-02-29'       | 'lawyer'     || '2025-02-28' | '2025-02-28T23:00:00Z' | false | 'Loi du 29 juillet 1881, art. 65-3'
        'gdpr-breach-72h'             | '2024-03-29T10:00' | 'consultant' || '2024-04-01' | '2024-04-01T09:00:00Z' | true  | 'RGPD, art. 33'
        'right-of-reply-insertion-3d' | '2024-12-29'       | 'reputation' || '2025-01-01' | '2025-01-01T23:00:00Z' | true  | 'Loi du 29 juillet 1881, art. 13 ; LCEN art. 6-IV'
        'disciplinary-2m'             | '2023-12-31'       | 'admin'      || '2024-02-29' | '2024-02-29T23:00:00Z' | false | 'Code du travail, art. L1332-4'
        'denigration-5y'              | '2024-07-27'       | 'lawyer'     || '2029-07-27' | '2029-07-27T22:00:00Z' | false | 'Code civil, art. 1240 et 2224'
    }

    def "bad input to the calculator answers a problem that says what is wrong"() {
        expect:
        with(api.get("/api/v1/legal/deadline-preview${query}", Tokens.of('lawyer'))) {
            status == 400 && problem && text.contains(says)
        }

        where:
        query                                              || says
        '?rule=press-defamation-9m&trigger=2024-08-23'     || 'press-defamation-9m'
        '?rule=press-defamation-3m&trigger=23%2F08%2F2024' || 'ISO-8601'
        '?rule=press-defamation-3m&trigger=2024-02-30'     || 'ISO-8601'
        '?rule=press-defamation-3m'                        || 'trigger'
    }

    def "clients do not use the calculator, and an anonymous caller is refused"() {
        expect:
        api.get('/api/v1/legal/deadline-preview?rule=press-defamation-3m&trigger=2024-08-23', Tokens.of('client-a')).status == 403
        api.get('/api/v1/legal/rules', null).status == 401
    }

    def "a platform admin edits a rule: the next version applies at once, and the edit is audited in the platform chain"() {
        given:
        def before = rule('delisting-answer-1m')
        long seq = lastPlatformSeq()

        when:
        def edited = api.put('/api/v1/legal/rules/delisting-answer-1m', Tokens.of('admin'), edit(before, [amount: 3]))

        then:
        edited.status == 200
        edited.json.version == before.version + 1
        edited.json.amount == 3
        api.get('/api/v1/legal/deadline-preview?rule=delisting-answer-1m&trigger=2024-01-31', Tokens.of('lawyer')).json.lastDay == '2024-04-30'
        with(platformEventsAfter(seq)) {
            size() == 1
            it[0].action == 'legal_rule.updated'
            it[0].entity_id == 'delisting-answer-1m'
            it[0].changes.contains('"amount":{"after":3,"before":1}')
        }

        cleanup:
        api.put('/api/v1/legal/rules/delisting-answer-1m', Tokens.of('admin'), edit(before, [:]))
    }

    def "an edit that changes nothing makes no version and no event; a bad one answers 400 and changes nothing"() {
        given:
        def before = rule('right-of-reply-insertion-3d')
        long seq = lastPlatformSeq()

        expect:
        api.put('/api/v1/legal/rules/right-of-reply-insertion-3d', Tokens.of('admin'), edit(before, [:])).json.version == before.version
        with(api.put('/api/v1/legal/rules/right-of-reply-insertion-3d', Tokens.of('admin'), edit(before, change))) {
            status == 400 && problem && text.contains(says)
        }
        rule('right-of-reply-insertion-3d').version == before.version
        platformEventsAfter(seq).isEmpty()

        where:
        change                           || says
        [counting: 'CALENDAR_MONTHS']    || 'counting'
        [reminders: ['half-way']]        || 'half-way'
        [amount: 0]                      || 'amount'
        [basis: ' ']                     || 'basis'
        [unit: 'WEEKS']                  || 'WEEKS'
    }

    def "only platform admins edit rules; an unknown rule answers 404"() {
        expect:
        api.put('/api/v1/legal/rules/gdpr-breach-72h', Tokens.of(user), edit(rule('gdpr-breach-72h'), [amount: 48])).status == 403
        rule('gdpr-breach-72h').amount == 72
        api.put('/api/v1/legal/rules/no-such-rule', Tokens.of('admin'), edit(rule('gdpr-breach-72h'), [:])).status == 404

        where:
        user << ['lawyer', 'consultant', 'client-a']
    }

    private Map rule(String id) {
        api.get('/api/v1/legal/rules', Tokens.of('lawyer')).json.find { it.id == id } as Map
    }

    private static Map edit(Map rule, Map changes) {
        rule.subMap(['nameFr', 'nameEn', 'basis', 'textVersion', 'amount', 'unit', 'counting', 'reminders']) + changes
    }

    private static long lastPlatformSeq() {
        TestServices.superuser().withCloseable {
            it.firstRow("select coalesce(max(seq), 0) as s from audit_event where tenant_id = '${PLATFORM}'".toString()).s as long
        }
    }

    private static List platformEventsAfter(long seq) {
        TestServices.superuser().withCloseable {
            it.rows("select action, entity_id, changes from audit_event where tenant_id = '${PLATFORM}' and seq > ${seq} order by seq".toString())
        }
    }
}
