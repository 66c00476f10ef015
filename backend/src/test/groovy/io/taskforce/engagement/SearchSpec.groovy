package io.taskforce.engagement

import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

/**
 * Search across cases with real tokens: French and English stemming, accents ignored, snippets with the match
 * marked; a case off the caller's team never surfaces, and a client finds their tenant's public content only.
 */
@RealServices
class SearchSpec extends Specification {

    static final String CONSULTANT_ID = '5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3'

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api = new Api(server.URI)
    /** A word no other spec writes, so that counts are this spec's own. */
    @Shared String tag = 'zq' + UUID.randomUUID().toString().replace('-', '').take(8)
    @Shared String onTeam
    @Shared String offTeam

    def setupSpec() {
        api.get('/api/v1/me', Tokens.of('consultant'))
        onTeam = api.post('/api/v1/cases', Tokens.of('client-a'), [title: "Incendie à l'entrepôt ${tag}",
                summary: 'Les données des clients seraient exposées.', personalData: true]).json.id
        assert api.post("/api/v1/cases/${onTeam}/triage", Tokens.of('consultant'), [crisisTypes: ['INDUSTRIAL_ACCIDENT'],
                cluster: 'ACCIDENTAL', severity: 3, kinetics: 'FAST', phase: 'HOT', workstreams: ['COMMUNICATION', 'LEGAL'],
                tasks: [[title: "Prévenir les pompiers ${tag}", workstream: 'COMMUNICATION']]]).status == 200
        assert api.post("/api/v1/cases/${onTeam}/log", Tokens.of('consultant'), [kind: 'FACT', public: true,
                text: "The warehouse fires were contained at dawn ${tag}"]).status == 201
        assert api.post("/api/v1/cases/${onTeam}/log", Tokens.of('consultant'), [kind: 'DECISION',
                text: "Décision interne : ne pas évoquer l'assureur ${tag}"]).status == 201
        assert api.post("/api/v1/cases/${onTeam}/rumours", Tokens.of('consultant'), [claim: "Customer data was stolen ${tag}"]).status == 201
        assert api.post("/api/v1/cases/${onTeam}/stakeholders", Tokens.of('consultant'), [group: 'REGULATOR', name: "Préfecture ${tag}",
                expectations: 'Être prévenue des évacuations', power: 5, interest: 4]).status == 201
        // a case whose team holds someone else: it must never surface, even with the same words
        offTeam = UUID.randomUUID().toString()
        String other = UUID.randomUUID().toString()
        TestServices.superuser().withCloseable { sql ->
            sql.execute("insert into user_account (id, username, role) values ('${other}', 'search-${other.take(8)}', 'consultant')".toString())
            sql.execute("""insert into case_file (id, tenant_id, title, summary, reported_by, reported_at, status, team)
                           values ('${offTeam}', 'b094b75d-873d-4f54-9892-afd58263330a', 'Incendie secret ${tag}', 'Entrepôt en feu',
                                   '${other}', now(), 'ACTIVE', array['${other}'])""".toString())
        }
    }

    def "'#q' finds the #kinds of the team's case, with the match marked"() {
        when:
        def hits = api.get("/api/v1/search?q=${URLEncoder.encode(q + ' ' + tag, 'UTF-8')}", Tokens.of('consultant')).json.items

        then:
        hits*.kind as Set == kinds as Set
        hits.every { it.caseId == onTeam && it.snippet.contains('<mark>') }
        !hits*.caseId.contains(offTeam)

        where:
        q                 || kinds
        'incendies'       || ['CASE']                    // French plural, accent-free title word
        'entrepot'        || ['CASE']                    // accent left out
        'donnees'         || ['CASE']                    // accent left out, plural
        'fire'            || ['LOG_ENTRY']               // English singular of "fires"
        'décisions'       || ['LOG_ENTRY']
        'stolen customer' || ['RUMOUR']
        'prefecture'      || ['STAKEHOLDER']
        'pompier'         || ['TASK']
    }

    def "a case off the team never surfaces, whatever the words"() {
        expect:
        api.get("/api/v1/search?q=secret+${tag}", Tokens.of('consultant')).json.items == []
        api.get("/api/v1/search?q=${tag}", Tokens.of('lawyer')).json.items == []
    }

    def "a client finds their tenant's case and public entries only; another tenant's client finds nothing"() {
        when:
        def hits = api.get("/api/v1/search?q=${tag}", Tokens.of('client-a')).json.items

        then:
        hits*.kind as Set == ['CASE', 'LOG_ENTRY'] as Set
        hits.find { it.kind == 'LOG_ENTRY' }.snippet.contains('warehouse')
        !hits*.snippet.any { it.contains('assureur') }
        !hits*.caseId.contains(offTeam) || hits.find { it.caseId == offTeam }.kind == 'CASE'
        api.get("/api/v1/search?q=${tag}", Tokens.of('client-b')).json.items == []
    }

    def "results page by keyset, and bad queries answer a problem"() {
        when:
        def first = api.get("/api/v1/search?q=${tag}&limit=2", Tokens.of('consultant')).json
        def rest = api.get("/api/v1/search?q=${tag}&limit=50&after=${first.next}", Tokens.of('consultant')).json
        def all = api.get("/api/v1/search?q=${tag}&limit=50", Tokens.of('consultant')).json

        then:
        first.items.size() == 2
        first.items*.id + rest.items*.id == all.items*.id
        all.items.size() == 6
        with(api.get('/api/v1/search?q=', Tokens.of('consultant'))) { status == 400 && problem }
        with(api.get("/api/v1/search?q=x&after=bogus", Tokens.of('consultant'))) { status == 400 && problem }
        api.get("/api/v1/search?q=x", Tokens.of('admin')).status == 403
    }
}
