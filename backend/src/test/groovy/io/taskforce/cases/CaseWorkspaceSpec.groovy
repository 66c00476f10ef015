package io.taskforce.cases

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * A crisis from intake to an active case, through the API with real tokens: a client reports it, a consultant
 * triages it and builds the team, the lawyer works it; people off the case never see it.
 */
@Stepwise
@RealServices
class CaseWorkspaceSpec extends Specification {

    static final String TENANT_A = 'b094b75d-873d-4f54-9892-afd58263330a'
    static final String LAWYER_ID = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'
    static final String REPUTATION_ID = '7e2c3d4a-5f6b-4c7d-8e8f-90a1b2c3d4e5'

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api
    @Shared String caseId
    @Shared String taskId
    @Shared String handoffId

    def setup() {
        api = new Api(server.URI)
    }

    def "a client reports an incident for their company and sees it as received, with nothing internal"() {
        when:
        def response = api.post('/api/v1/cases', Tokens.of('client-a'), [
                title: 'Fuite présumée de données clients', summary: 'Un fichier de clients circule sur un forum.',
                occurredAt: '2026-11-30T22:00:00Z', urls: ['https://forum.test/t/helio-leak'], personalData: true,
                suspectedAuthor: 'UNKNOWN', somethingUnknown: 'ignored'])
        caseId = response.json.id

        then:
        response.status == 201
        response.json.status == 'NEW'
        response.json.keySet() == ['id', 'title', 'status', 'phase', 'reportedAt', 'workstreams'] as Set
        api.get('/api/v1/cases', Tokens.of('client-a')).json.items*.id.contains(caseId)
    }

    def "a client naming a tenant in the body is refused and nothing is saved"() {
        given:
        int before = caseCount()

        when:
        def response = api.post('/api/v1/cases', Tokens.of('client-b'), [tenantId: TENANT_A, title: 'x', summary: 'y', personalData: false])

        then:
        response.status == 400
        response.problem
        caseCount() == before
    }

    def "bad input answers a problem naming the field or the values allowed, and saves nothing"() {
        given:
        int before = caseCount()

        expect:
        with(api.post('/api/v1/cases', Tokens.of('consultant'), body)) {
            status == 400 && problem && text.contains(field) && !text.contains('io.taskforce')
        }
        caseCount() == before

        where:
        body                                                                                     || field
        [tenantId: TENANT_A, title: '', summary: 'y', personalData: false]                       || 'title'
        [tenantId: TENANT_A, title: 't', summary: 'y', urls: ['javascript:alert(1)'], personalData: false] || 'urls'
        [title: 't', summary: 'y', personalData: false]                                          || 'tenantId'
        [tenantId: TENANT_A, title: 't', summary: 'y', suspectedAuthor: 'MARTIAN', personalData: false] || 'EMPLOYEE, COMPETITOR, UNKNOWN, NONE'
    }

    def "every staff member sees it in the intake queue; the other client does not see it"() {
        expect:
        ['consultant', 'lawyer', 'reputation'].every { user ->
            api.get('/api/v1/cases/intake?limit=200', Tokens.of(user)).json.items.find { it.id == caseId }?.tenantName == 'Helio Cloud'
        }
        api.get("/api/v1/cases/${caseId}", Tokens.of('client-b')).status == 404
        !api.get('/api/v1/cases', Tokens.of('client-b')).json.items*.id.contains(caseId)
        api.get('/api/v1/cases/intake', Tokens.of('client-a')).status == 403
    }

    def "the consultant's triage proposal follows the routing rules and can be posted back as it is"() {
        when:
        def proposal = api.get("/api/v1/cases/${caseId}/triage-proposal?lang=en", Tokens.of('consultant'))

        then:
        proposal.status == 200
        proposal.json.crisisTypes == ['DATA_BREACH']
        proposal.json.workstreams == ['LEGAL', 'COMMUNICATION']
        proposal.json.clocks*.rule == ['GDPR_BREACH_NOTIFICATION']
        proposal.json.clocks[0].triggerAt == '2026-11-30T22:00:00Z'
        proposal.json.tasks*.title.contains('Draft the CNIL notification (72 h)')

        when: 'the consultant adds the reputation workstream and confirms'
        def body = proposal.json + [workstreams: ['LEGAL', 'COMMUNICATION', 'REPUTATION']]
        def triaged = api.post("/api/v1/cases/${caseId}/triage", Tokens.of('consultant'), body)

        then:
        triaged.status == 200
        triaged.json.status == 'TRIAGED'
        triaged.json.workstreams*.workstream == ['LEGAL', 'COMMUNICATION', 'REPUTATION']
        triaged.json.proposedClocks*.rule == ['GDPR_BREACH_NOTIFICATION']
        triaged.json.onTeam
        api.get("/api/v1/cases/${caseId}/tasks", Tokens.of('consultant')).json.size() == proposal.json.tasks.size()
    }

    def "a lawyer cannot triage; off the team after triage, staff and the case's routes answer 404"() {
        expect:
        api.post("/api/v1/cases/${caseId}/triage", Tokens.of('lawyer'), [:]).status == 403
        api.get("/api/v1/cases/${caseId}", Tokens.of('lawyer')).status == 404
        api.get("/api/v1/cases/${caseId}/tasks", Tokens.of('lawyer')).status == 404
        api.get("/api/v1/cases/${caseId}/audit", Tokens.of('reputation')).status == 404
        !api.get('/api/v1/cases/intake?limit=200', Tokens.of('lawyer')).json.items*.id.contains(caseId)
    }

    def "ACTIVE needs a lead on each active workstream: refused with the reason, then allowed once the team is built"() {
        when:
        def refused = api.post("/api/v1/cases/${caseId}/status", Tokens.of('consultant'), [status: 'ACTIVE'])

        then:
        refused.status == 409
        refused.json.detail.contains('LEGAL, REPUTATION')

        when:
        def lawyer = api.post("/api/v1/cases/${caseId}/team", Tokens.of('consultant'), [userId: LAWYER_ID, workstream: 'LEGAL', lead: true])
        def reputation = api.post("/api/v1/cases/${caseId}/team", Tokens.of('consultant'), [userId: REPUTATION_ID, workstream: 'REPUTATION', lead: true])
        def active = api.post("/api/v1/cases/${caseId}/status", Tokens.of('consultant'), [status: 'ACTIVE'])

        then:
        lawyer.status == 201
        lawyer.json.firm == 'LEGAL'
        reputation.status == 201
        active.status == 200
        active.json.status == 'ACTIVE'
        active.json.workstreams.every { it.leadId != null }
    }

    def "the lawyer now finds the case in their cases and works their own workstream's tasks only"() {
        when:
        def mine = api.get('/api/v1/cases', Tokens.of('lawyer'))
        def legal = api.post("/api/v1/cases/${caseId}/tasks", Tokens.of('lawyer'),
                [title: 'Mise en demeure de l\'hébergeur du forum', workstream: 'LEGAL', assigneeId: LAWYER_ID, dueAt: '2020-01-01T00:00:00Z'])
        taskId = legal.json.id
        def communication = api.post("/api/v1/cases/${caseId}/tasks", Tokens.of('lawyer'), [title: 'x', workstream: 'COMMUNICATION'])

        then:
        mine.json.items*.id.contains(caseId)
        legal.status == 201
        legal.json.overdue
        communication.status == 403
        api.get('/api/v1/tasks/mine', Tokens.of('lawyer')).json.items[0].id == taskId

        when:
        def done = api.patch("/api/v1/tasks/${taskId}", Tokens.of('lawyer'), [status: 'DONE'])

        then:
        done.json.status == 'DONE'
        !done.json.overdue
        api.patch("/api/v1/tasks/${taskId}", Tokens.of('client-a'), [status: 'OPEN']).status == 403
    }

    def "a hand-off lands as a task with the target lead, and is answered with a reply"() {
        when:
        def handoff = api.post("/api/v1/cases/${caseId}/handoffs", Tokens.of('reputation'),
                [fromWorkstream: 'REPUTATION', toWorkstream: 'LEGAL', note: 'Le forum refuse de retirer le fichier : notification LCEN ?'])
        handoffId = handoff.json.id
        def lawyerTasks = api.get('/api/v1/tasks/mine', Tokens.of('lawyer')).json.items

        then:
        handoff.status == 201
        lawyerTasks.find { it.handoffId == handoffId }.origin == 'HANDOFF'

        when:
        def declinedByWrongFirm = api.post("/api/v1/handoffs/${handoffId}/answer", Tokens.of('reputation'), [decision: 'ANSWERED', reply: 'x'])
        def answered = api.post("/api/v1/handoffs/${handoffId}/answer", Tokens.of('lawyer'), [decision: 'ANSWERED', reply: 'Notification LCEN envoyée.'])

        then:
        declinedByWrongFirm.status == 403
        answered.json.status == 'ANSWERED'
        !api.get('/api/v1/tasks/mine', Tokens.of('lawyer')).json.items.find { it.handoffId == handoffId }
        api.post("/api/v1/handoffs/${handoffId}/answer", Tokens.of('lawyer'), [decision: 'DECLINED', reply: 'x']).status == 409
    }

    def "the client sees progress per workstream, still nothing internal"() {
        when:
        def view = api.get("/api/v1/cases/${caseId}", Tokens.of('client-a')).json

        then:
        view.status == 'ACTIVE'
        view.workstreams.find { it.workstream == 'LEGAL' }.tasksDone >= 2
        !view.containsKey('summary') && !view.containsKey('team')
    }

    def "the team reads the case's trail: one event per change, each carrying the case; clients cannot"() {
        when:
        def events = api.get("/api/v1/cases/${caseId}/audit?limit=200", Tokens.of('lawyer')).json.items

        then:
        events*.action.reverse() == ['case.reported', 'case.triaged', 'case.member_added', 'case.member_added',
                                     'case.status_changed', 'task.created', 'task.updated', 'handoff.created', 'handoff.answered']
        api.get("/api/v1/cases/${caseId}/audit", Tokens.of('client-a')).status == 403
        api.get("/api/v1/tenants/${TENANT_A}/audit/verification", Tokens.of('admin')).json.valid
    }

    def "the staff home counts the member's cases by severity"() {
        expect:
        api.get('/api/v1/cases/summary', Tokens.of('lawyer')).json.bySeverity.sum { it.count } >= 1
    }

    private static int caseCount() {
        TestServices.superuser().withCloseable { it.firstRow('select count(*) as n from case_file').n as int }
    }
}
