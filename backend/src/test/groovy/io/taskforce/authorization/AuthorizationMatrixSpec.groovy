package io.taskforce.authorization

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.web.router.Router
import groovy.sql.Sql
import io.taskforce.support.Api
import io.taskforce.support.KeycloakTestAdmin
import io.taskforce.support.LiveStream
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

import java.security.MessageDigest

/**
 * Runs every row of src/test/resources/authorization-matrix.csv against the running application with real
 * Keycloak tokens, and checks that the matrix covers exactly the API routes the application exposes.
 */
@RealServices
class AuthorizationMatrixSpec extends Specification {

    static final String TENANT_A = 'b094b75d-873d-4f54-9892-afd58263330a' // client-a's tenant
    static final String TENANT_B = 'fd0e5b3b-66bb-4cd0-b469-7cafe8f0c10a'
    static final Map<String, String> USERS = [consultant: 'consultant', lawyer: 'lawyer', reputation_specialist: 'reputation',
                                              client    : 'client-a', platform_admin: 'admin']

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Router router = SharedApplication.bean(Router)
    @Shared Api api
    @Shared String someUser
    @Shared String otherAdmin
    /** Objects of the case routes, on and off the demo staff's team (see the matrix file). */
    @Shared Map<String, Map<String, String>> caseObjects

    def setup() {
        api = new Api(server.URI)
        if (caseObjects == null) {
            caseObjects = setUpCases()
            // a firm webhook for the webhook routes, to a port nothing listens on, for an event the matrix never causes
            caseObjects['-'] = [template: 'holding-recall-en', webhook: api.post('/api/v1/webhooks', Tokens.of('admin'),
                    [firm: 'REPUTATION', url: 'http://127.0.0.1:9/matrix', events: ['task.assigned']]).json.webhook.id as String,
                                 rule   : 'right-of-reply-insertion-3d', feed: 'no-such-feed-secret']
        }
        if (!otherAdmin) {
            // another platform admin, created in Keycloak directly and seen once: the one the admin deactivates
            String username = "matrix-admin-${UUID.randomUUID().toString().take(8)}"
            otherAdmin = KeycloakTestAdmin.createUser(username, 'platform_admin', null, 'Matrice-admin-2026')
            assert api.get('/api/v1/me', Tokens.fetch(username, 'Matrice-admin-2026')).status == 200
        }
        if (!someUser) {
            // a person the PATCH /users row can act on without disturbing the demo users
            someUser = api.post('/api/v1/staff', Tokens.of('admin'),
                    [email: "matrix-${UUID.randomUUID().toString().take(8)}@firm.test", firstName: 'M', lastName: 'X', role: 'consultant']).json.id
        }
    }

    def "#matrixCase"() {
        when:
        String tenant = matrixCase.relation == 'other' ? TENANT_B : TENANT_A
        String path = matrixCase.path
                .replace('{tenant}', tenant)
                .replace('{user}', someUser)
                .replace('{admin}', otherAdmin)
                // someone else's notification, or none: the same 404
                .replace('{notification}', UUID.randomUUID().toString())
        (caseObjects[matrixCase.relation] ?: [:]).each { name, id -> path = path.replace("{${name}}", id) }
        // search needs words to search for: without them it answers 400
        path = path == '/api/v1/search' ? '/api/v1/search?q=matrix' : path
        String token = matrixCase.role == 'anonymous' ? null : Tokens.of(USERS[matrixCase.role])
        // the live stream never ends: its status is read from the headers
        def live = path == '/api/v1/live' ? new LiveStream(server.URI, token) : null
        def chainsBefore = matrixCase.method == 'PATCH' ? TestServices.auditChainHeads() : null
        String tenantName = path.startsWith('/api/v1/tenants/') ? api.get(path, Tokens.of('admin')).json.name : null
        def response = live ? null
                : AuthorizationMatrix.shape(matrixCase.method, matrixCase.path) == 'POST /api/v1/cases/{}/evidence'
                ? api.multipart(path, token, [url: 'https://blog.test/matrix', capturedAt: '2026-01-10T09:00:00Z'], 'capture.txt',
                        'text/plain', 'capture'.getBytes('UTF-8'))
                : api.send(matrixCase.method, path, token, body(matrixCase, caseObjects[matrixCase.relation] ?: [:]), contentType(matrixCase))

        then:
        (live ? live.status() : response.status) == matrixCase.expected
        live || response.status < 400 || response.problem

        and: 'an allowed PATCH really wrote: its audit event is in a chain'
        matrixCase.method != 'PATCH' || response.status >= 400 || TestServices.auditChainHeads() != chainsBefore

        cleanup:
        live?.close()
        if (tenantName && response?.status == 200 && matrixCase.method == 'PATCH') {
            api.patch(path, Tokens.of('admin'), [name: tenantName])
        }
        if (path.startsWith('/api/v1/users/') && response?.status == 200 && matrixCase.method == 'PATCH') {
            api.patch(path, Tokens.of('admin'), [active: true])
        }

        where:
        matrixCase << AuthorizationMatrix.cases()
    }

    def "every API route the application exposes has rows in the matrix, and every row names a real route"() {
        given:
        def exposed = router.uriRoutes()
                .filter { it.uriMatchTemplate.toPathString().startsWith('/api/') }
                // Micronaut answers HEAD with its GET route (same rules): a GET row covers both
                .collect { AuthorizationMatrix.shape(it.httpMethodName == 'HEAD' ? 'GET' : it.httpMethodName, it.uriMatchTemplate.toPathString()) }
                .toSet()
        def listed = AuthorizationMatrix.rows().collect { AuthorizationMatrix.shape(it.method, it.path) }.toSet()

        expect:
        exposed - listed == [] as Set
        listed - exposed == [] as Set
    }

    def "every route outside /api is one of the known public ones, and none of them takes a change"() {
        given:
        def outside = router.uriRoutes()
                .filter { !it.uriMatchTemplate.toPathString().startsWith('/api/') }
                .collect { "${it.httpMethodName} ${it.uriMatchTemplate.toPathString()}".toString() }
                .toSet()

        new File('target/outside-api-routes.txt').text = outside.sort().join('\n')

        expect: 'a new controller outside /api must be added here, with its reason, and to the matrix if it is not public'
        outside == OUTSIDE_API
    }

    /**
     * Health for the probes (details for signed-in operators only, WebSurfaceSpec) and metrics for the scraper. The web
     * app's files and deep links are static resources and the not-found fallback, not routes.
     */
    static final Set<String> OUTSIDE_API = ['GET /health', 'HEAD /health', 'GET /health/{selector}', 'HEAD /health/{selector}',
                                            'GET /prometheus', 'HEAD /prometheus'] as Set

    def "the matrix has a row for every role on every route, with both relations for tenant and case routes"() {
        expect:
        AuthorizationMatrix.rows().groupBy { it.path + it.method }.every { key, rows ->
            String path = rows.first().path
            rows*.relation.toSet() == (path.contains('{tenant}') ? ['own', 'other'] as Set
                    : path =~ /\{(case|task|handoff|message|drafted|reviewed|questioned|approved|published|clock|publication|action|note|evidence|stakeholder|rumour|query|cleanup)\}/ ? ['on', 'off'] as Set : ['-'] as Set)
        }
    }


    static final String CONSULTANT = '5c0a1b2e-3d4f-4a5b-8c6d-7e8f90a1b2c3'
    static final String LAWYER = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'
    static final String REPUTATION = '7e2c3d4a-5f6b-4c7d-8e8f-90a1b2c3d4e5'

    /**
     * Two TRIAGED cases set up in the database: "on" in client-a's tenant with the three demo staff on its team
     * (each leading their workstream) and one more member to remove; "off" in another tenant, team of another person.
     */
    private static Map<String, Map<String, String>> setUpCases() {
        String other = UUID.randomUUID().toString()
        String extra = UUID.randomUUID().toString()
        Map<String, Map<String, String>> objects = [:]
        TestServices.superuser().withCloseable { sql ->
            [other, extra].each { sql.execute("insert into user_account (id, username, role) values ('${it}', 'matrix-${it.take(8)}', 'consultant')".toString()) }
            [on: [TENANT_A, [CONSULTANT, LAWYER, REPUTATION, extra]], off: [TENANT_B, [other]]].each { relation, setup ->
                String tenant = setup[0]
                List<String> team = setup[1]
                String caseId = UUID.randomUUID().toString()
                String taskId = UUID.randomUUID().toString()
                String handoffId = UUID.randomUUID().toString()
                sql.execute("""insert into case_file (id, tenant_id, title, summary, reported_by, reported_at, status, team)
                               values ('${caseId}', '${tenant}', 'Matrix ${relation}', 's', '${team[0]}', now(), 'TRIAGED',
                                       array[${team.collect { "'${it}'" }.join(',')}])""".toString())
                ['COMMUNICATION', 'LEGAL', 'REPUTATION'].eachWithIndex { w, i ->
                    sql.execute("insert into case_workstream (tenant_id, case_id, workstream, position) values ('${tenant}', '${caseId}', '${w}', ${i})".toString())
                }
                team.eachWithIndex { user, i ->
                    String workstream = relation == 'off' ? 'COMMUNICATION' : ['COMMUNICATION', 'LEGAL', 'REPUTATION', 'COMMUNICATION'][i]
                    sql.execute("""insert into case_member (tenant_id, case_id, user_id, workstream, lead, added_at)
                                   values ('${tenant}', '${caseId}', '${user}', '${workstream}', ${i < 3}, now())""".toString())
                }
                sql.execute("""insert into case_handoff (id, tenant_id, case_id, from_workstream, to_workstream, note, created_by, created_at)
                               values ('${handoffId}', '${tenant}', '${caseId}', 'LEGAL', 'REPUTATION', 'n', '${team[0]}', now())""".toString())
                sql.execute("""insert into case_task (id, tenant_id, case_id, workstream, title, status, origin, created_by, created_at)
                               values ('${taskId}', '${tenant}', '${caseId}', 'LEGAL', 't', 'OPEN', 'MANUAL', '${team[0]}', now())""".toString())
                // a running clock and a hostile publication for the legal routes
                String clockId = UUID.randomUUID().toString()
                String publicationId = UUID.randomUUID().toString()
                sql.execute("""insert into legal_clock (id, tenant_id, case_id, rule_id, rule_version, trigger_at, last_day, ends_at,
                                   non_working_last_day, state, origin, created_by, created_at)
                               values ('${clockId}', '${tenant}', '${caseId}', 'disciplinary-2m', 1, now(), current_date + 60,
                                       now() + interval '60 days', false, 'RUNNING', 'MANUAL', '${team[0]}', now())""".toString())
                sql.execute("""insert into legal_publication (id, tenant_id, case_id, url, first_published_at, created_by, created_at)
                               values ('${publicationId}', '${tenant}', '${caseId}', 'https://blog.test/${relation}', now() - interval '10 days',
                                       '${team[0]}', now())""".toString())
                // a draft formal notice, a privileged note (by the demo lawyer) and a piece of evidence
                String actionId = UUID.randomUUID().toString()
                String noteId = UUID.randomUUID().toString()
                String evidenceId = UUID.randomUUID().toString()
                sql.execute("""insert into legal_action (id, tenant_id, case_id, kind, status, title, created_by, created_at, updated_at)
                               values ('${actionId}', '${tenant}', '${caseId}', 'FORMAL_NOTICE', 'DRAFT', 'Mise en demeure', '${team[0]}', now(), now())""".toString())
                sql.execute("""insert into legal_note (id, tenant_id, case_id, body, author_id, created_at)
                               values ('${noteId}', '${tenant}', '${caseId}', 'Stratégie', '${LAWYER}', now())""".toString())
                sql.execute("""insert into legal_evidence (id, tenant_id, case_id, url, captured_at, file_name, content_type, size_bytes,
                                   sha256, storage, captured_by, created_at)
                               values ('${evidenceId}', '${tenant}', '${caseId}', 'https://blog.test/p', now(), 'p.txt', 'text/plain', 1,
                                       encode(sha256('x'::bytea), 'hex'), 'DATABASE', '${team[0]}', now())""".toString())
                sql.execute("""insert into legal_evidence_file (tenant_id, evidence_id, case_id, content)
                               values ('${tenant}', '${evidenceId}', '${caseId}', 'x'::bytea)""".toString())
                objects[relation] = [workstream: 'LEGAL', case: caseId, task: taskId, handoff: handoffId, member: relation == 'on' ? extra : other,
                                     clock: clockId, publication: publicationId, action: actionId, note: noteId, evidence: evidenceId,
                                     revision: '1'] + seedMessages(sql, tenant, caseId, team[0]) + seedEngagement(sql, tenant, caseId, team[0]) +
                                     seedReputation(sql, tenant, caseId, team[0])
            }
        }
        objects
    }

    /** The words of every seeded message, and their hash (SHA-256 of the canonical JSON, see MessageContent). */
    static final Map MESSAGE_WORDS = [kind: 'PRESS_RELEASE', title: 'Matrix message', body: 'Matrix words', language: 'en',
                                      channels: ['PRESS'], audience: []]
    static final String MESSAGE_SHA256 = MessageDigest.getInstance('SHA-256').digest(
            '{"audience":[],"body":"Matrix words","channels":["PRESS"],"language":"en","title":"Matrix message"}'.getBytes('UTF-8'))
            .encodeHex().toString()

    /**
     * One message per mutating message route, written by the case's first member, in the state where the route's
     * allowed role succeeds; approvals by the demo lawyer.
     */
    private static Map<String, String> seedMessages(Sql sql, String tenant, String caseId, String author) {
        [message: 'DRAFT', drafted: 'DRAFT', reviewed: 'IN_REVIEW', questioned: 'IN_REVIEW', approved: 'APPROVED',
         published: 'PUBLISHED'].collectEntries { name, state ->
            String id = UUID.randomUUID().toString()
            sql.execute("""insert into message (id, tenant_id, case_id, kind, state, current_revision, created_by, created_at, updated_at)
                           values ('${id}', '${tenant}', '${caseId}', 'PRESS_RELEASE', '${state}', 1, '${author}', now(), now())""".toString())
            sql.execute("""insert into message_revision (tenant_id, message_id, case_id, number, title, body, channels, audience, language, sha256, author_id, created_at)
                           values ('${tenant}', '${id}', '${caseId}', 1, 'Matrix message', 'Matrix words', '{PRESS}', '{}', 'en', '${MESSAGE_SHA256}', '${author}', now())""".toString())
            if (state in ['APPROVED', 'PUBLISHED']) {
                sql.execute("""insert into message_approval (tenant_id, message_id, case_id, revision, sha256, lawyer_id, at)
                               values ('${tenant}', '${id}', '${caseId}', 1, '${MESSAGE_SHA256}', '${LAWYER}', now())""".toString())
            }
            if (state == 'PUBLISHED') {
                sql.execute("""insert into message_publication (tenant_id, message_id, case_id, revision, sha256, published_by, at)
                               values ('${tenant}', '${id}', '${caseId}', 1, '${MESSAGE_SHA256}', '${author}', now())""".toString())
            }
            [(name): id]
        } as Map<String, String>
    }

    /** A stakeholder and a rumour of the case, for the engagement routes that name them. */
    private static Map<String, String> seedEngagement(Sql sql, String tenant, String caseId, String author) {
        String stakeholder = UUID.randomUUID().toString()
        String rumour = UUID.randomUUID().toString()
        sql.execute("""insert into stakeholder (id, tenant_id, case_id, grp, name, power, interest, created_by, created_at, updated_at)
                       values ('${stakeholder}', '${tenant}', '${caseId}', 'MEDIA', 'Matrix', 3, 3, '${author}', now(), now())""".toString())
        sql.execute("""insert into rumour (id, tenant_id, case_id, claim, first_seen_at, created_by, created_at)
                       values ('${rumour}', '${tenant}', '${caseId}', 'Matrix rumour', now(), '${author}', now())""".toString())
        [stakeholder: stakeholder, rumour: rumour]
    }

    /** A tracked query and a PLANNED cleanup action of the case, for the reputation routes that name them. */
    private static Map<String, String> seedReputation(Sql sql, String tenant, String caseId, String author) {
        String query = UUID.randomUUID().toString()
        String action = UUID.randomUUID().toString()
        sql.execute("""insert into serp_query (tenant_id, id, case_id, query, engine, country, language, created_by, created_at)
                       values ('${tenant}', '${query}', '${caseId}', 'matrix query', 'google', 'FR', 'fr', '${author}', now())""".toString())
        sql.execute("""insert into cleanup_action (tenant_id, id, case_id, kind, title, status, urls, created_by, created_at, updated_at)
                       values ('${tenant}', '${action}', '${caseId}', 'CONTENT', 'Matrix action', 'PLANNED', '{}', '${author}', now(), now())""".toString())
        [query: query, cleanup: action]
    }

    /** The import route takes the tracker's CSV export, every other write JSON. */
    private static Map<String, String> contentType(AuthorizationMatrix.Case c) {
        AuthorizationMatrix.shape(c.method, c.path) == 'POST /api/v1/cases/{}/serp-imports' ? ['Content-Type': 'text/csv'] : [:]
    }

    /** A valid body for each write, so that the status reflects authorization, not validation. */
    private static Object body(AuthorizationMatrix.Case c, Map<String, String> objects) {
        String unique = UUID.randomUUID().toString().take(8)
        switch (AuthorizationMatrix.shape(c.method, c.path)) {
            case 'POST /api/v1/tenants': return [name: "Matrix ${unique}", slug: "matrix-${unique}", locale: 'fr']
            // PATCH rows change something, so that the write path is reached (restored after the row: see cleanup)
            case 'PATCH /api/v1/tenants/{}': return [name: "Matrix rename ${unique}"]
            case 'POST /api/v1/tenants/{}/users': return [email: "client-${unique}@matrix.test", firstName: 'C', lastName: 'M']
            case 'POST /api/v1/staff': return [email: "staff-${unique}@matrix.test", firstName: 'S', lastName: 'M', role: 'lawyer']
            case 'PATCH /api/v1/users/{}': return [active: false]
            case 'PUT /api/v1/me/notification-preferences': return [language: 'fr', email: []]
            case 'POST /api/v1/cases': return [tenantId: c.role == 'client' ? null : TENANT_A, title: "Matrix ${unique}",
                                               summary: 'Matrice', personalData: false]
            case 'POST /api/v1/cases/{}/triage': return [crisisTypes: ['OUTAGE'], cluster: 'ACCIDENTAL', severity: 2, kinetics: 'FAST',
                                                         phase: 'HOT', workstreams: ['COMMUNICATION', 'LEGAL', 'REPUTATION']]
            case 'PATCH /api/v1/cases/{}/workstreams/{}': return [status: c.role == 'lawyer' ? 'DONE' : 'ACTIVE']
            case 'POST /api/v1/cases/{}/team': return [userId: LAWYER, workstream: 'LEGAL', lead: true]
            case 'POST /api/v1/cases/{}/tasks': return [title: "Matrix ${unique}", workstream: 'LEGAL']
            case 'PATCH /api/v1/tasks/{}': return [status: c.role == 'lawyer' ? 'DONE' : 'IN_PROGRESS']
            case 'POST /api/v1/cases/{}/handoffs': return [fromWorkstream: 'LEGAL', toWorkstream: 'REPUTATION', note: 'Matrix']
            case 'POST /api/v1/handoffs/{}/answer': return [decision: 'ANSWERED', reply: 'Matrix']
            case 'POST /api/v1/cases/{}/status': return [status: 'ACTIVE']
            // the shipped values of the rule: an edit that changes nothing
            case 'PUT /api/v1/legal/rules/{}': return [nameFr: 'Droit de réponse : insertion par le directeur de la publication',
                                                       nameEn: 'Right of reply: insertion by the publisher',
                                                       basis: 'Loi du 29 juillet 1881, art. 13 ; LCEN art. 6-IV',
                                                       textVersion: 'Art. 13 (loi n° 2004-575 du 21 juin 2004) ; LCEN art. 6-IV',
                                                       amount: 3, unit: 'DAYS', counting: 'WHOLE_DAYS', reminders: ['P2D', 'P1D']]
            case 'POST /api/v1/cases/{}/clocks': return [rule: 'gdpr-breach-72h', triggerAt: java.time.Instant.now().toString()]
            case 'POST /api/v1/clocks/{}/close': return [state: 'ACTED_UPON']
            case 'POST /api/v1/cases/{}/publications': return [url: 'https://blog.test/matrix', firstPublishedAt: '2026-01-10T09:00:00Z']
            case 'POST /api/v1/publications/{}/qualification': return [qualification: 'DEFAMATION']
            case 'POST /api/v1/publications/{}/republications': return [republishedAt: java.time.Instant.now().minusSeconds(3600).toString()]
            case 'POST /api/v1/cases/{}/legal-actions': return [kind: 'FORMAL_NOTICE', title: 'Mise en demeure']
            case 'POST /api/v1/legal-actions/{}/status': return [status: 'SENT']
            case 'POST /api/v1/cases/{}/privileged-notes': return [body: 'Note de stratégie']
            case 'POST /api/v1/webhooks': return [firm: 'LEGAL', url: 'http://127.0.0.1:9/matrix', events: ['task.assigned']]
            case 'POST /api/v1/cases/{}/messages': return MESSAGE_WORDS
            case 'POST /api/v1/cases/{}/messages/from-template': return [templateId: 'holding-outage-en', channels: ['PRESS'], audience: [],
                    fills: [date: '10 March', place: 'our site', facts: 'a fire', actions: 'we act', nextUpdate: 'tomorrow']]
            case 'PUT /api/v1/messages/{}': return MESSAGE_WORDS + [baseRevision: 1]
            case 'POST /api/v1/messages/{}/submit': return [revision: 1]
            case 'POST /api/v1/messages/{}/approve': return [revision: 1, sha256: MESSAGE_SHA256]
            case 'POST /api/v1/messages/{}/request-changes': return [revision: 1, comment: 'Matrix']
            case 'POST /api/v1/messages/{}/publish': return [revision: 1, sha256: MESSAGE_SHA256]
            case 'POST /api/v1/cases/{}/log': return [kind: 'FACT', text: "Matrix ${unique}", workstream: 'LEGAL']
            case 'POST /api/v1/cases/{}/stakeholders': return [group: 'MEDIA', name: "Matrix ${unique}", power: 2, interest: 4]
            case 'PATCH /api/v1/stakeholders/{}': return [informed: true]
            case 'POST /api/v1/cases/{}/rumours': return [claim: "Matrix ${unique}"]
            case 'POST /api/v1/rumours/{}/resolve': return [status: 'DEBUNKED', response: 'Matrix']
            case 'POST /api/v1/message-templates/{}/approve': return [sha256: TestServices.superuser().withCloseable {
                it.firstRow("select sha256 from message_template where id = 'holding-recall-en'").sha256 }]
            case 'POST /api/v1/cases/{}/serp-queries': return [query: "matrix ${unique}"]
            case 'PUT /api/v1/cases/{}/serp-queries/{}/target': return [targetDate: '2026-06-30']
            case 'POST /api/v1/cases/{}/serp-snapshots': return [queryId: objects.query, date: '2026-03-02',
                                                                 results: [[position: 1, url: 'https://matrix.example/', title: 'Matrix']]]
            case 'PUT /api/v1/cases/{}/serp-classifications': return [url: 'https://matrix.example/', ownership: 'OWNED', tone: 'POSITIVE']
            case 'POST /api/v1/cases/{}/serp-imports': return "keyword,position,url,title,date\nmatrix ${unique},1,https://matrix.example/,Matrix,2026-03-02\n".toString()
            case 'POST /api/v1/cases/{}/cleanup-actions': return [kind: 'CONTENT', title: 'Matrix content', urls: ['https://matrix.example/']]
            case 'PATCH /api/v1/cases/{}/cleanup-actions/{}': return [status: 'SUBMITTED']
            default: return null
        }
    }
}
