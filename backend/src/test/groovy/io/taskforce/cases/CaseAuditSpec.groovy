package io.taskforce.cases

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.micronaut.runtime.server.EmbeddedServer
import io.micronaut.web.router.Router
import io.taskforce.authorization.AuthorizationMatrix
import io.taskforce.support.Api
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification

/**
 * Every route that changes a case (its tasks, hand-offs and messages included) writes exactly one audit event, in the case's tenant chain, carrying the case
 * id. The routes are read from the router, so a new mutating case route without a step here fails the spec.
 */
@RealServices
class CaseAuditSpec extends Specification {

    static final String TENANT_A = 'b094b75d-873d-4f54-9892-afd58263330a'
    static final String LAWYER_ID = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'
    static final String REPUTATION_ID = '7e2c3d4a-5f6b-4c7d-8e8f-90a1b2c3d4e5'

    static final Map MESSAGE = [kind: 'SOCIAL_POST', title: 'Vos avis', body: 'Nous lisons vos avis.', language: 'fr',
                                channels: ['SOCIAL'], audience: ['CUSTOMERS']]

    /** In order: each step may use the ids the previous ones created. */
    static final List<Map> STEPS = [
            [route: 'POST /api/v1/cases', user: 'client-a', path: { s -> '/api/v1/cases' },
             body : { s -> [title: 'Audit: avis négatifs en série', summary: 'Une vague d\'avis une étoile.', personalData: false] },
             keep : { s, json -> s.case = json.id }],
            [route: 'POST /api/v1/cases/{}/triage', user: 'consultant', path: { s -> "/api/v1/cases/${s.case}/triage" },
             body : { s -> [crisisTypes: ['BAD_BUZZ'], cluster: 'VICTIM', severity: 3, kinetics: 'FAST', phase: 'HOT',
                            workstreams: ['COMMUNICATION', 'REPUTATION', 'LEGAL'], tasks: [[title: 'Consigner les rumeurs', workstream: 'COMMUNICATION']]] }],
            [route: 'POST /api/v1/cases/{}/team', user: 'consultant', path: { s -> "/api/v1/cases/${s.case}/team" },
             body : { s -> [userId: REPUTATION_ID, workstream: 'REPUTATION', lead: true] }],
            [route: 'PATCH /api/v1/cases/{}/workstreams/{}', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/workstreams/REPUTATION" },
             body : { s -> [status: 'ACTIVE'] }],
            [route: 'POST /api/v1/cases/{}/tasks', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/tasks" },
             body : { s -> [title: 'Répondre aux avis', workstream: 'REPUTATION', assigneeId: REPUTATION_ID] },
             keep : { s, json -> s.task = json.id }],
            [route: 'PATCH /api/v1/tasks/{}', user: 'reputation', path: { s -> "/api/v1/tasks/${s.task}" },
             body : { s -> [status: 'DONE'] }],
            [route: 'POST /api/v1/cases/{}/handoffs', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/handoffs" },
             body : { s -> [fromWorkstream: 'REPUTATION', toWorkstream: 'COMMUNICATION', note: 'Une rumeur à démentir'] },
             keep : { s, json -> s.handoff = json.id }],
            [route: 'POST /api/v1/handoffs/{}/answer', user: 'consultant', path: { s -> "/api/v1/handoffs/${s.handoff}/answer" },
             body : { s -> [decision: 'DECLINED', reply: 'Déjà démentie ce matin'] }],
            // the sign-off gate, each move its own event: draft, edit, submit, changes asked, resubmit, approve, publish, withdraw
            [route: 'POST /api/v1/cases/{}/team', user: 'consultant', path: { s -> "/api/v1/cases/${s.case}/team" },
             body : { s -> [userId: LAWYER_ID, workstream: 'LEGAL', lead: true] }],
            [route: 'POST /api/v1/cases/{}/messages', user: 'consultant', path: { s -> "/api/v1/cases/${s.case}/messages" },
             body : { s -> MESSAGE },
             keep : { s, json -> s.message = json.id }],
            [route: 'PUT /api/v1/messages/{}', user: 'consultant', path: { s -> "/api/v1/messages/${s.message}" },
             body : { s -> MESSAGE + [body: 'Nous regrettons ces avis et nous répondons à chacun.', baseRevision: 1] },
             keep : { s, json -> s.sha256 = json.currentRevision.sha256 }],
            [route: 'POST /api/v1/messages/{}/submit', user: 'consultant', path: { s -> "/api/v1/messages/${s.message}/submit" },
             body : { s -> [revision: 2] }],
            [route: 'POST /api/v1/messages/{}/request-changes', user: 'lawyer', path: { s -> "/api/v1/messages/${s.message}/request-changes" },
             body : { s -> [revision: 2, comment: 'Citez la date.'] }],
            [route: 'POST /api/v1/messages/{}/submit', user: 'consultant', path: { s -> "/api/v1/messages/${s.message}/submit" },
             body : { s -> [revision: 2] }],
            [route: 'POST /api/v1/messages/{}/approve', user: 'lawyer', path: { s -> "/api/v1/messages/${s.message}/approve" },
             body : { s -> [revision: 2, sha256: s.sha256] }],
            [route: 'POST /api/v1/messages/{}/publish', user: 'consultant', path: { s -> "/api/v1/messages/${s.message}/publish" },
             body : { s -> [revision: 2, sha256: s.sha256] }],
            [route: 'POST /api/v1/messages/{}/withdraw', user: 'consultant', path: { s -> "/api/v1/messages/${s.message}/withdraw" },
             body : { s -> null }],
            [route: 'POST /api/v1/cases/{}/messages/from-template', user: 'consultant', path: { s -> "/api/v1/cases/${s.case}/messages/from-template" },
             body : { s -> [templateId: 'holding-outage-fr', channels: ['WEBSITE'], audience: ['CUSTOMERS'],
                            fills: [date: '3 mai', place: 'notre boutique en ligne', facts: 'des avis négatifs en série',
                                    actions: 'nous répondons à chaque avis', nextUpdate: 'demain']] }],
            // the legal workstream (the lawyer joined above): records and qualifies a publication, records a republication,
            // starts a clock and closes it
            [route: 'POST /api/v1/cases/{}/publications', user: 'lawyer', path: { s -> "/api/v1/cases/${s.case}/publications" },
             body : { s -> [url: 'https://avis.test/maison', firstPublishedAt: '2026-01-10T09:00:00Z'] },
             keep : { s, json -> s.publication = json.id }],
            [route: 'POST /api/v1/publications/{}/qualification', user: 'lawyer', path: { s -> "/api/v1/publications/${s.publication}/qualification" },
             body : { s -> [qualification: 'DENIGRATION'] }],
            [route: 'POST /api/v1/publications/{}/republications', user: 'lawyer', path: { s -> "/api/v1/publications/${s.publication}/republications" },
             body : { s -> [republishedAt: '2026-02-01T08:00:00Z', note: 'Remis en ligne'] }],
            [route: 'POST /api/v1/cases/{}/clocks', user: 'lawyer', path: { s -> "/api/v1/cases/${s.case}/clocks" },
             body : { s -> [rule: 'disciplinary-2m', triggerAt: '2026-01-12T10:00:00Z'] },
             keep : { s, json -> s.clock = json.id }],
            [route: 'POST /api/v1/clocks/{}/close', user: 'lawyer', path: { s -> "/api/v1/clocks/${s.clock}/close" },
             body : { s -> [state: 'WAIVED', reason: 'Auteur non salarié'] }],
            [route: 'POST /api/v1/cases/{}/legal-actions', user: 'lawyer', path: { s -> "/api/v1/cases/${s.case}/legal-actions" },
             body : { s -> [kind: 'FORMAL_NOTICE', title: 'Mise en demeure de retirer les avis', recipient: 'Avis.test'] },
             keep : { s, json -> s.action = json.id }],
            [route: 'POST /api/v1/legal-actions/{}/status', user: 'lawyer', path: { s -> "/api/v1/legal-actions/${s.action}/status" },
             body : { s -> [status: 'SENT'] }],
            [route: 'POST /api/v1/cases/{}/privileged-notes', user: 'lawyer', path: { s -> "/api/v1/cases/${s.case}/privileged-notes" },
             body : { s -> [body: 'Piste : concurrent déloyal.'] }],
            [route: 'POST /api/v1/cases/{}/evidence', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/evidence" },
             multipart: [url: 'https://avis.test/maison/42', capturedAt: '2026-01-10T09:30:00Z']],
            // working the crisis: the running log, the stakeholder map, the rumour log
            [route: 'POST /api/v1/cases/{}/log', user: 'consultant', path: { s -> "/api/v1/cases/${s.case}/log" },
             body : { s -> [kind: 'FACT', text: 'Les avis négatifs ralentissent.', public: true] }],
            [route: 'POST /api/v1/cases/{}/stakeholders', user: 'consultant', path: { s -> "/api/v1/cases/${s.case}/stakeholders" },
             body : { s -> [group: 'CUSTOMERS', name: 'Clients', power: 4, interest: 5] },
             keep : { s, json -> s.stakeholder = json.id }],
            [route: 'PATCH /api/v1/stakeholders/{}', user: 'consultant', path: { s -> "/api/v1/stakeholders/${s.stakeholder}" },
             body : { s -> [informed: true] }],
            [route: 'DELETE /api/v1/stakeholders/{}', user: 'consultant', path: { s -> "/api/v1/stakeholders/${s.stakeholder}" },
             body : { s -> null }],
            [route: 'POST /api/v1/cases/{}/rumours', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/rumours" },
             body : { s -> [claim: 'Les avis seraient achetés'] },
             keep : { s, json -> s.rumour = json.id }],
            [route: 'POST /api/v1/rumours/{}/resolve', user: 'reputation', path: { s -> "/api/v1/rumours/${s.rumour}/resolve" },
             body : { s -> [status: 'DEBUNKED', response: 'Aucun avis acheté : chaque avis vient d’une commande.'] }],
            // the reputation workstream: a tracked query, its target, a typed snapshot, a classification, an import, an action and its move
            [route: 'POST /api/v1/cases/{}/serp-queries', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/serp-queries" },
             body : { s -> [query: 'avis boutique', locale: 'fr-FR'] },
             keep : { s, json -> s.query = json.id }],
            [route: 'PUT /api/v1/cases/{}/serp-queries/{}/target', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/serp-queries/${s.query}/target" },
             body : { s -> [targetDate: '2026-09-30'] }],
            [route: 'POST /api/v1/cases/{}/serp-snapshots', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/serp-snapshots" },
             body : { s -> [queryId: s.query, date: '2026-03-02', results: [[position: 1, url: 'https://avis.example/boutique', title: 'Avis']]] }],
            [route: 'PUT /api/v1/cases/{}/serp-classifications', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/serp-classifications" },
             body : { s -> [url: 'https://avis.example/boutique', ownership: 'THIRD_PARTY', tone: 'NEGATIVE'] }],
            [route: 'POST /api/v1/cases/{}/serp-imports', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/serp-imports" },
             body : { s -> 'keyword;position;url;title;date\navis boutique;1;https://avis.example/boutique;Avis;09/03/2026\n' },
             headers: ['Content-Type': 'text/csv']],
            [route: 'POST /api/v1/cases/{}/cleanup-actions', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/cleanup-actions" },
             body : { s -> [kind: 'REVIEW_REPLY', title: 'Répondre à l’avis', urls: ['https://avis.example/boutique']] },
             keep : { s, json -> s.action = json.id }],
            [route: 'PATCH /api/v1/cases/{}/cleanup-actions/{}', user: 'reputation', path: { s -> "/api/v1/cases/${s.case}/cleanup-actions/${s.action}" },
             body : { s -> [status: 'SUBMITTED'] }],
            [route: 'DELETE /api/v1/cases/{}/team/{}', user: 'consultant', path: { s -> "/api/v1/cases/${s.case}/team/${REPUTATION_ID}" },
             body : { s -> null }],
            [route: 'POST /api/v1/cases/{}/status', user: 'consultant', path: { s -> "/api/v1/cases/${s.case}/status" },
             body : { s -> [status: 'CLOSED', reason: 'Plus rien en ligne'] }],
    ]

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Router router = SharedApplication.bean(Router)
    @Shared Map<String, String> state = [:]

    def "#step.route writes exactly one audit event carrying the case"() {
        given:
        def api = new Api(server.URI)
        long before = lastSeq()

        when:
        def response = step.multipart
                ? api.multipart(step.path(state), Tokens.of(step.user), step.multipart, 'avis.png', 'image/png', [0x89, 0x50, 0x4e, 0x47] as byte[])
                : api.send(step.route.tokenize(' ')[0], step.path(state), Tokens.of(step.user), step.body(state), step.headers ?: [:])
        if (step.keep) {
            step.keep(state, response.json)
        }
        def events = eventsAfter(before)

        then:
        response.status < 300
        events.size() == 1
        events[0].case_id.toString() == state.case

        where:
        step << STEPS
    }

    def "every mutating route of a case has a step above"() {
        given:
        def mutating = router.uriRoutes()
                .filter { it.httpMethodName in ['POST', 'PUT', 'PATCH', 'DELETE'] }
                .collect { AuthorizationMatrix.shape(it.httpMethodName, it.uriMatchTemplate.toPathString()) }
                .findAll { it ==~ /\w+ \/api\/v1\/(cases|tasks|handoffs|messages|clocks|publications|legal-actions|stakeholders|rumours)(\/.*)?/ }
                .toSet()

        expect:
        mutating == STEPS*.route.toSet()
    }

    private static long lastSeq() {
        TestServices.superuser().withCloseable { it.firstRow("select coalesce(max(seq), 0) as s from audit_event where tenant_id = '${TENANT_A}'".toString()).s as long }
    }

    private static List eventsAfter(long seq) {
        TestServices.superuser().withCloseable {
            it.rows("select case_id, action from audit_event where tenant_id = '${TENANT_A}' and seq > ${seq} order by seq".toString())
        }
    }
}
