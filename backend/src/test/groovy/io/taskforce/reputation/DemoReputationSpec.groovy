package io.taskforce.reputation

import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

import java.time.LocalDate
import java.time.ZoneId

/**
 * The demo's search results (the test run starts with {@code taskforce.demo.enabled}, so the shared application has
 * seeded them): the defamation case of Maison Verdier tracks three queries with six snapshots each, its negatives
 * leave page one, the client sees that trend and the actions, and a second seeding adds nothing.
 */
@RealServices
class DemoReputationSpec extends Specification {

    static final String VERDIER = 'fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a'

    @Shared Api api = new Api(SharedApplication.server().URI)
    @Shared String caseId = TestServices.superuser().withCloseable {
        it.firstRow('select id from case_file where tenant_id = ?::uuid and title = ?',
                [VERDIER, DemoReputation.CASE_TITLE]).id.toString()
    }

    def "the demo defamation case tracks three queries, six snapshots each, every result classified"() {
        when:
        def response = api.get("/api/v1/cases/${caseId}/serp-queries", Tokens.of('reputation'))

        then:
        response.status == 200
        response.json*.query == ['maison verdier', 'maison verdier arnaque', 'bruno verdier']
        response.json*.snapshotCount == [6, 6, 6]
        response.json.every { it.latest.date == LocalDate.now(ZoneId.of('Europe/Paris')).toString() }

        and: 'classified on their first appearance only, the later snapshots took what the case remembers'
        response.json.every { q -> q.latest.results.every { it.ownership && it.tone } }
        unclassifiedRows() == 0
        classifiedOnce() > 0
    }

    def "the client sees page-one negatives decrease on every query and the case, and the case out of crisis on its brand"() {
        when:
        def metrics = api.get("/api/v1/cases/${caseId}/serp-metrics", Tokens.of('client-b'))

        then:
        metrics.status == 200
        metrics.json.queries.size() == 3
        metrics.json.queries.every { q ->
            def page1 = q.snapshots*.negativesTop10
            page1.size() == 6 && page1.first() > page1.last() && (1..<page1.size()).every { page1[it] <= page1[it - 1] }
        }
        metrics.json.caseTrend*.negativesTop10 == metrics.json.caseTrend*.negativesTop10.sort(false).reverse()
        metrics.json.caseTrend.first().negativesTop10 >= 10
        metrics.json.caseTrend.last().negativesTop10 <= 3

        and: 'the brand query: in crisis at first, out of it and clean on page one by the end'
        def brand = metrics.json.queries.find { it.query == 'maison verdier' }
        brand.snapshots.first().inCrisis
        !brand.snapshots.last().inCrisis
        brand.pageOneCleanSince != null
    }

    def "the client sees the cleanup actions in several states, without the team's notes"() {
        when:
        def progress = api.get("/api/v1/cases/${caseId}/cleanup-progress", Tokens.of('client-b'))

        then:
        progress.status == 200
        progress.json*.kind as Set == ['CONTENT', 'DELISTING', 'TAKEDOWN', 'REVIEW_REPLY', 'LEGAL_REFERRAL'] as Set
        progress.json*.status as Set == ['DONE', 'ACCEPTED', 'REJECTED', 'SUBMITTED', 'PLANNED'] as Set
        progress.json.every { it.note == null }

        and: 'the de-listing request under GDPR art. 17 awaits its answer a month after it was sent'
        def delisting = progress.json.find { it.kind == 'DELISTING' }
        delisting.answerDueOn == LocalDate.parse(delisting.submittedOn).plusMonths(1).toString()
    }

    def "seeding again adds nothing: no query, snapshot, result, action or audit event"() {
        given:
        def before = counts()
        def heads = TestServices.auditChainHeads()

        when:
        SharedApplication.bean(DemoReputation).seed(null)

        then:
        counts() == before
        TestServices.auditChainHeads()[VERDIER] == heads[VERDIER]
    }

    private Map counts() {
        TestServices.superuser().withCloseable { sql ->
            ['serp_query', 'serp_snapshot', 'serp_result', 'cleanup_action'].collectEntries { table ->
                [(table): sql.firstRow("select count(*) as n from ${table} where tenant_id = ?::uuid and case_id = ?::uuid".toString(),
                        [VERDIER, caseId]).n]
            }
        }
    }

    private long unclassifiedRows() {
        TestServices.superuser().withCloseable {
            it.firstRow('''select count(*) as n from serp_result where tenant_id = ?::uuid and case_id = ?::uuid
                           and (ownership is null or tone is null)''', [VERDIER, caseId]).n as long
        }
    }

    /** URLs the specialist classified: each remembered once per case, for the next snapshots. */
    private long classifiedOnce() {
        TestServices.superuser().withCloseable {
            it.firstRow('select count(*) as n from serp_classification where tenant_id = ?::uuid and case_id = ?::uuid',
                    [VERDIER, caseId]).n as long
        }
    }
}
