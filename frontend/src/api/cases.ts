import type { AuditEvent } from './audit'
import { apiFetch, apiSend } from './http'
import { PAGE_SIZE, withQuery, type Page } from './page'

/*
 * The case workspace API (issue 6). Hand-written from the API brief until the backend's OpenAPI snapshot exists;
 * then these become aliases of the generated `components['schemas']`.
 */

export const CASE_STATUSES = ['NEW', 'TRIAGED', 'ACTIVE', 'MONITORING', 'CLOSED'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
export const CRISIS_TYPES = [
  'DATA_BREACH',
  'DEFAMATION',
  'DISCRIMINATORY_DEFAMATION',
  'DENIGRATION',
  'INDUSTRIAL_ACCIDENT',
  'PRODUCT_SAFETY',
  'OUTAGE',
  'BAD_BUZZ',
  'LEGACY_SEARCH_RESULTS',
] as const
export type CrisisType = (typeof CRISIS_TYPES)[number]
export const CLUSTERS = ['VICTIM', 'ACCIDENTAL', 'PREVENTABLE'] as const
export type Cluster = (typeof CLUSTERS)[number]
export const KINETICS = ['FAST', 'SLOW'] as const
export type Kinetics = (typeof KINETICS)[number]
export const PHASES = ['PEACETIME', 'HOT', 'AFTERMATH'] as const
export type Phase = (typeof PHASES)[number]
export const WORKSTREAMS = ['COMMUNICATION', 'LEGAL', 'REPUTATION'] as const
export type Workstream = (typeof WORKSTREAMS)[number]
export const WORKSTREAM_STATUSES = ['NOT_STARTED', 'ACTIVE', 'DONE'] as const
export type WorkstreamStatus = (typeof WORKSTREAM_STATUSES)[number]
export const SUSPECTED_AUTHORS = ['EMPLOYEE', 'COMPETITOR', 'UNKNOWN', 'NONE'] as const
export type SuspectedAuthor = (typeof SUSPECTED_AUTHORS)[number]
export const CLOCK_RULES = [
  'DEFAMATION_LIMITATION',
  'DISCRIMINATORY_DEFAMATION_LIMITATION',
  'RIGHT_OF_REPLY_REQUEST',
  'DENIGRATION_LIMITATION',
  'GDPR_BREACH_NOTIFICATION',
  'DISCIPLINARY_ACTION',
] as const
export type ClockRule = (typeof CLOCK_RULES)[number]
export const SEVERITIES = [1, 2, 3, 4] as const

export interface ProposedClock {
  rule: ClockRule
  /** ISO instant */
  triggerAt: string
}

export interface WorkstreamView {
  workstream: Workstream
  status: WorkstreamStatus
  leadId?: string | null
  leadName?: string | null
  tasksDone: number
  tasksTotal: number
}

/** The staff view of a case. */
export interface CaseView {
  id: string
  tenantId: string
  tenantName: string
  title: string
  summary: string
  occurredAt?: string | null
  reportedAt: string
  reportedByName?: string | null
  urls: string[]
  personalData: boolean
  hostilePublications: boolean
  firstPublishedAt?: string | null
  suspectedAuthor?: SuspectedAuthor | null
  entryFirm?: Workstream | null
  status: CaseStatus
  crisisTypes: CrisisType[]
  cluster?: Cluster | null
  severity?: number | null
  kinetics?: Kinetics | null
  phase?: Phase | null
  triagedAt?: string | null
  workstreams: WorkstreamView[]
  proposedClocks: ProposedClock[]
  onTeam: boolean
  version: number
}

export interface ClientWorkstreamView {
  workstream: Workstream
  status: WorkstreamStatus
  tasksDone: number
  tasksTotal: number
}

/** What a client sees of a case: nothing internal. */
export interface ClientCaseView {
  id: string
  title: string
  status: CaseStatus
  phase?: Phase | null
  reportedAt: string
  workstreams: ClientWorkstreamView[]
}

export interface CaseSummary {
  id: string
  tenantId: string
  tenantName: string
  title: string
  status: CaseStatus
  severity?: number | null
  phase?: Phase | null
  kinetics?: Kinetics | null
  reportedAt: string
  workstreams: Workstream[]
}

export interface IntakeItem {
  id: string
  tenantId: string
  tenantName: string
  title: string
  summary: string
  occurredAt?: string | null
  reportedAt: string
  urls: string[]
  personalData: boolean
  hostilePublications: boolean
  firstPublishedAt?: string | null
  suspectedAuthor?: SuspectedAuthor | null
  entryFirm?: Workstream | null
}

export interface CasesSummary {
  bySeverity: { severity: number; count: number }[]
  byStatus: { status: CaseStatus; count: number }[]
  intakeWaiting: number
}

export interface ProposedTask {
  title: string
  workstream: Workstream
  dueAt?: string | null
}

export interface TriageProposal {
  crisisTypes: CrisisType[]
  cluster: Cluster
  severity: number
  kinetics: Kinetics
  phase: Phase
  /** lead first */
  workstreams: Workstream[]
  clocks: ProposedClock[]
  tasks: ProposedTask[]
}

/** What the consultant confirms: the proposal's shape. */
export type TriageRequest = TriageProposal

/** An incident report. `tenantId` is for staff only: a client's tenant comes from their token. */
export interface NewCase {
  tenantId?: string
  title: string
  summary: string
  occurredAt?: string
  urls?: string[]
  personalData: boolean
  hostilePublications?: boolean
  firstPublishedAt?: string
  suspectedAuthor?: SuspectedAuthor
}

export interface TeamMember {
  userId: string
  name: string
  username: string
  role: string
  firm: Workstream
  workstream: Workstream
  lead: boolean
}

export interface NewTeamMember {
  userId: string
  workstream: Workstream
  lead: boolean
}

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
