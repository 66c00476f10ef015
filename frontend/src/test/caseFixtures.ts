import { http, HttpResponse } from 'msw'
import type { CaseSummary, CaseView, ClientCaseView, IntakeItem, TeamMember, TriageProposal } from '@/api/cases'
import type { StaffMember, TenantName } from '@/api/directory'
import type { HandoffView, TaskView } from '@/api/tasks'
import { helio } from './fixtures'

export const CASE_ID = '8c000000-0000-4000-8000-000000000001'

export const tenantNames: TenantName[] = [
  { id: helio.id, name: 'Helio Cloud' },
  { id: '7a000000-0000-4000-8000-000000000003', name: 'Boulangeries Martin' },
]

export function caseView(overrides: Partial<CaseView> = {}): CaseView {
  return {
    id: CASE_ID,
    tenantId: helio.id,
    tenantName: 'Helio Cloud',
    title: 'Data centre fire in Strasbourg',
    summary: 'A fire destroyed SBG2. Customers lost data.',
    occurredAt: '2026-03-10T00:47:00Z',
    reportedAt: '2026-03-10T01:30:00Z',
    reportedByName: 'Claire Client',
    urls: ['https://news.example/fire', 'javascript:alert(1)'],
    personalData: true,
    hostilePublications: false,
    firstPublishedAt: null,
    suspectedAuthor: null,
    entryFirm: null,
    status: 'NEW',
    crisisTypes: [],
    cluster: null,
    severity: null,
    kinetics: null,
    phase: null,
    triagedAt: null,
    workstreams: [],
    proposedClocks: [],
    onTeam: false,
    version: 1,
    ...overrides,
  }
}

/** A case after triage: LEGAL leads, COMMUNICATION follows; the caller is on the team. */
export function triagedCase(overrides: Partial<CaseView> = {}): CaseView {
  return caseView({
    status: 'TRIAGED',
    crisisTypes: ['DATA_BREACH', 'OUTAGE'],
    cluster: 'ACCIDENTAL',
    severity: 3,
    kinetics: 'FAST',
    phase: 'HOT',
    triagedAt: '2026-03-10T02:00:00Z',
    workstreams: [
      { workstream: 'LEGAL', status: 'NOT_STARTED', leadId: null, leadName: null, tasksDone: 0, tasksTotal: 2 },
      { workstream: 'COMMUNICATION', status: 'ACTIVE', leadId: 'u-consultant', leadName: 'Camille Conseil', tasksDone: 1, tasksTotal: 3 },
    ],
    proposedClocks: [{ rule: 'GDPR_BREACH_NOTIFICATION', triggerAt: '2026-03-10T01:30:00Z' }],
    onTeam: true,
    ...overrides,
  })
}

export function intakeItem(id: string, title: string, reportedAt: string): IntakeItem {
  return {
    id,
    tenantId: helio.id,
    tenantName: 'Helio Cloud',
    title,
    summary: 'Summary',
    occurredAt: null,
    reportedAt,
    urls: [],
    personalData: false,
    hostilePublications: false,
    firstPublishedAt: null,
    suspectedAuthor: null,
    entryFirm: null,
  }
}

export function caseSummary(overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id: CASE_ID,
    tenantId: helio.id,
    tenantName: 'Helio Cloud',
    title: 'Data centre fire in Strasbourg',
    status: 'ACTIVE',
    severity: 3,
    phase: 'HOT',
    kinetics: 'FAST',
    reportedAt: '2026-03-10T01:30:00Z',
    workstreams: ['LEGAL', 'COMMUNICATION'],
    ...overrides,
  }
}

export function clientCase(overrides: Partial<ClientCaseView> = {}): ClientCaseView {
  return {
    id: CASE_ID,
    title: 'Data centre fire in Strasbourg',
    status: 'ACTIVE',
    phase: 'HOT',
    reportedAt: '2026-03-10T01:30:00Z',
    workstreams: [
      { workstream: 'LEGAL', status: 'ACTIVE', tasksDone: 1, tasksTotal: 4 },
      { workstream: 'COMMUNICATION', status: 'ACTIVE', tasksDone: 3, tasksTotal: 3 },
    ],
    ...overrides,
  }
}

export const proposal: TriageProposal = {
  crisisTypes: ['DATA_BREACH'],
  cluster: 'ACCIDENTAL',
  severity: 3,
  kinetics: 'FAST',
  phase: 'HOT',
  workstreams: ['LEGAL', 'COMMUNICATION'],
  clocks: [{ rule: 'GDPR_BREACH_NOTIFICATION', triggerAt: '2026-03-10T01:30:00Z' }],
  tasks: [
    { title: 'Qualify the breach', workstream: 'LEGAL', dueAt: '2026-03-10T02:30:00Z' },
    { title: 'Holding statement', workstream: 'COMMUNICATION', dueAt: null },
  ],
}

export const staffDirectory: StaffMember[] = [
  { id: 'u-consultant', name: 'Camille Conseil', username: 'consultant', role: 'consultant', firm: 'COMMUNICATION' },
  { id: 'u-lawyer', name: 'Louise Avocat', username: 'lawyer', role: 'lawyer', firm: 'LEGAL' },
  { id: 'u-reputation', name: 'Rémi Réputation', username: 'reputation', role: 'reputation_specialist', firm: 'REPUTATION' },
]

export function teamMember(overrides: Partial<TeamMember> = {}): TeamMember {
  return {
    userId: 'u-consultant',
    name: 'Camille Conseil',
    username: 'consultant',
    role: 'consultant',
    firm: 'COMMUNICATION',
    workstream: 'COMMUNICATION',
    lead: true,
    ...overrides,
  }
}

export function task(overrides: Partial<TaskView> = {}): TaskView {
  return {
    id: '9d000000-0000-4000-8000-000000000001',
    caseId: CASE_ID,
    caseTitle: 'Data centre fire in Strasbourg',
    tenantName: 'Helio Cloud',
    workstream: 'LEGAL',
    title: 'Qualify the breach',
    assigneeId: 'u-lawyer',
    assigneeName: 'Louise Avocat',
    dueAt: '2026-03-10T02:30:00Z',
    status: 'OPEN',
    origin: 'TRIAGE',
    handoffId: null,
    createdAt: '2026-03-10T02:00:00Z',
    overdue: false,
    ...overrides,
  }
}

export function handoff(overrides: Partial<HandoffView> = {}): HandoffView {
  return {
    id: '9e000000-0000-4000-8000-000000000001',
    caseId: CASE_ID,
    fromWorkstream: 'COMMUNICATION',
    toWorkstream: 'LEGAL',
    note: 'Please check the holding statement.',
    status: 'OPEN',
    reply: null,
    createdByName: 'Camille Conseil',
    createdAt: '2026-03-10T03:00:00Z',
    answeredByName: null,
    answeredAt: null,
    ...overrides,
  }
}

const empty = { items: [], next: null }

/** What a home page asks for, all empty: pass to `useMswServer` in specs that render Home without testing it. */
export const emptyHomeHandlers = [
  http.get('/api/v1/cases', () => HttpResponse.json(empty)),
  http.get('/api/v1/cases/intake', () => HttpResponse.json(empty)),
  http.get('/api/v1/tasks/mine', () => HttpResponse.json(empty)),
  http.get('/api/v1/cases/summary', () => HttpResponse.json({ bySeverity: [], byStatus: [], intakeWaiting: 0 })),
  // a client's case cards show the case's published messages
  http.get('/api/v1/cases/:caseId/published-messages', () => HttpResponse.json([])),
  // and the public entries of its running log
  http.get('/api/v1/cases/:caseId/log', () => HttpResponse.json(empty)),
]
