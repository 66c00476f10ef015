import type { AuditEvent } from './audit'
import { apiFetch, apiSend } from './http'
import { PAGE_SIZE, withQuery, type Page } from './page'
import type { components } from './schema'
import { enumValues } from './enums'

/* The case workspace API (issue 6). Types come from the backend's OpenAPI document (`npm run generate:api`). */
type Schemas = components['schemas']

export type CaseStatus = Schemas['CaseStatus']
export type CrisisType = Schemas['CrisisType']
export type Cluster = Schemas['Cluster']
export type Kinetics = Schemas['Kinetics']
export type Phase = Schemas['Phase']
export type Workstream = Schemas['Workstream']
export type WorkstreamStatus = Schemas['WorkstreamStatus']
export type SuspectedAuthor = Schemas['SuspectedAuthor']
export type ClockRule = Schemas['ClockRule']

export const CASE_STATUSES = enumValues<CaseStatus>({ NEW: 1, TRIAGED: 1, ACTIVE: 1, MONITORING: 1, CLOSED: 1 })
export const CRISIS_TYPES = enumValues<CrisisType>({
  DATA_BREACH: 1,
  DEFAMATION: 1,
  DISCRIMINATORY_DEFAMATION: 1,
  DENIGRATION: 1,
  INDUSTRIAL_ACCIDENT: 1,
  PRODUCT_SAFETY: 1,
  OUTAGE: 1,
  BAD_BUZZ: 1,
  LEGACY_SEARCH_RESULTS: 1,
})
export const CLUSTERS = enumValues<Cluster>({ VICTIM: 1, ACCIDENTAL: 1, PREVENTABLE: 1 })
export const KINETICS = enumValues<Kinetics>({ FAST: 1, SLOW: 1 })
export const PHASES = enumValues<Phase>({ PEACETIME: 1, HOT: 1, AFTERMATH: 1 })
export const WORKSTREAMS = enumValues<Workstream>({ COMMUNICATION: 1, LEGAL: 1, REPUTATION: 1 })
export const WORKSTREAM_STATUSES = enumValues<WorkstreamStatus>({ NOT_STARTED: 1, ACTIVE: 1, DONE: 1 })
export const SUSPECTED_AUTHORS = enumValues<SuspectedAuthor>({ EMPLOYEE: 1, COMPETITOR: 1, UNKNOWN: 1, NONE: 1 })
export const CLOCK_RULES = enumValues<ClockRule>({
  DEFAMATION_LIMITATION: 1,
  DISCRIMINATORY_DEFAMATION_LIMITATION: 1,
  RIGHT_OF_REPLY_REQUEST: 1,
  DENIGRATION_LIMITATION: 1,
  GDPR_BREACH_NOTIFICATION: 1,
  DISCIPLINARY_ACTION: 1,
})
export const SEVERITIES = [1, 2, 3, 4] as const

export type ProposedClock = Schemas['ProposedClock']
export type WorkstreamView = Schemas['WorkstreamView']
/** The staff view of a case. */
export type CaseView = Schemas['CaseView']
export type ClientWorkstreamView = Schemas['ClientCaseView.Progress']
/** What a client sees of a case: nothing internal. */
export type ClientCaseView = Schemas['ClientCaseView']
export type CaseSummary = Schemas['CaseSummary']
export type IntakeItem = Schemas['IntakeItem']
export type CasesSummary = Schemas['CasesSummary']
export type ProposedTask = Schemas['TriageProposal.Task']
/** Workstreams in order, the lead first. */
export type TriageProposal = Schemas['TriageProposal']
/** What the consultant confirms: the proposal's shape. */
export type TriageRequest = Schemas['TriageProposal']
/** An incident report. `tenantId` is for staff only: a client's tenant comes from their token. */
export type NewCase = Schemas['CaseRequests.NewCase']
export type TeamMember = Schemas['TeamMember']
export type NewTeamMember = Schemas['CaseRequests.TeamChange']

const casePath = (id: string, rest = ''): string => `/api/v1/cases/${encodeURIComponent(id)}${rest}`

/** Reports an incident (staff: the answer is a CaseView; client: a ClientCaseView). */
export function createCase<T extends CaseView | ClientCaseView = CaseView>(body: NewCase): Promise<T> {
  return apiSend<T>('/api/v1/cases', 'POST', body)
}

/** The cases whose team I am on (staff). */
export function listMyCases(after: string | null = null, limit = PAGE_SIZE): Promise<Page<CaseSummary>> {
  return apiFetch<Page<CaseSummary>>(withQuery('/api/v1/cases', { after, limit }))
}

/** My company's cases (client). */
export function listClientCases(after: string | null = null, limit = PAGE_SIZE): Promise<Page<ClientCaseView>> {
  return apiFetch<Page<ClientCaseView>>(withQuery('/api/v1/cases', { after, limit }))
}

/** New cases of every tenant, oldest first. */
export function listIntake(after: string | null = null, limit = PAGE_SIZE): Promise<Page<IntakeItem>> {
  return apiFetch<Page<IntakeItem>>(withQuery('/api/v1/cases/intake', { after, limit }))
}

export function getCasesSummary(): Promise<CasesSummary> {
  return apiFetch<CasesSummary>('/api/v1/cases/summary')
}

export function getCase(id: string): Promise<CaseView> {
  return apiFetch<CaseView>(casePath(id))
}

/** Triage's proposal for the case's facts, or for the crisis types and kinetics the consultant chose. */
export function getTriageProposal(
  id: string,
  options: { crisisTypes?: readonly CrisisType[]; kinetics?: Kinetics | null; lang?: string } = {},
): Promise<TriageProposal> {
  return apiFetch<TriageProposal>(
    withQuery(casePath(id, '/triage-proposal'), {
      crisisTypes: options.crisisTypes && options.crisisTypes.length > 0 ? options.crisisTypes.join(',') : undefined,
      kinetics: options.kinetics ?? undefined,
      lang: options.lang,
    }),
  )
}

export function triageCase(id: string, request: TriageRequest): Promise<CaseView> {
  return apiSend<CaseView>(casePath(id, '/triage'), 'POST', request)
}

export function setCaseStatus(id: string, status: CaseStatus, reason?: string): Promise<CaseView> {
  return apiSend<CaseView>(casePath(id, '/status'), 'POST', reason ? { status, reason } : { status })
}

export function setWorkstreamStatus(id: string, workstream: Workstream, status: WorkstreamStatus): Promise<CaseView> {
  return apiSend<CaseView>(casePath(id, `/workstreams/${workstream}`), 'PATCH', { status })
}

export function listTeam(id: string): Promise<TeamMember[]> {
  return apiFetch<TeamMember[]>(casePath(id, '/team'))
}

export function addTeamMember(id: string, member: NewTeamMember): Promise<TeamMember> {
  return apiSend<TeamMember>(casePath(id, '/team'), 'POST', member)
}

export function removeTeamMember(id: string, userId: string): Promise<void> {
  return apiSend<void>(casePath(id, `/team/${encodeURIComponent(userId)}`), 'DELETE')
}

/** The case's audit trail, newest first: pass `next` back as `before` for older events. */
export function listCaseAudit(id: string, before: string | null = null, limit = PAGE_SIZE): Promise<Page<AuditEvent>> {
  return apiFetch<Page<AuditEvent>>(withQuery(casePath(id, '/audit'), { before, limit }))
}

/** The status changes a consultant may ask for from `status`. */
export function nextStatuses(status: CaseStatus): CaseStatus[] {
  switch (status) {
    case 'TRIAGED':
      return ['ACTIVE']
    case 'ACTIVE':
      return ['MONITORING', 'CLOSED']
    case 'MONITORING':
      return ['ACTIVE', 'CLOSED']
    case 'CLOSED':
      return ['ACTIVE']
    default:
      return []
  }
}
