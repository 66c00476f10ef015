import { authClient } from '@/auth/keycloak'
import { apiFetch, apiSend, ApiProblem, MIN_TOKEN_VALIDITY } from './http'
import { withQuery } from './page'

export type PeriodUnit = 'HOURS' | 'DAYS' | 'MONTHS' | 'YEARS'
export type Counting = 'CALENDAR_MONTHS' | 'WHOLE_DAYS' | 'ELAPSED_HOURS'
export type TriggerKind =
  | 'FIRST_PUBLICATION'
  | 'PUBLICATION'
  | 'KNOWLEDGE_OF_FACTS'
  | 'AWARENESS_OF_BREACH'
  | 'EMPLOYER_KNOWLEDGE'
  | 'RECEIPT_OF_REQUEST'

/** A deadline rule in its current version (DESIGN §4). */
export interface LegalRule {
  id: string
  version: number
  nameFr: string
  nameEn: string
  basis: string
  textVersion: string
  trigger: TriggerKind
  amount: number
  unit: PeriodUnit
  counting: Counting
  /** "50%" or an ISO-8601 duration before the end ("P14D", "PT6H") */
  reminders: string[]
  /** ISO instant */
  editedAt: string
}

/** The calculator's answer: a contract integrators script against. */
export interface DeadlinePreview {
  rule: string
  /** YYYY-MM-DD, Europe/Paris */
  lastDay: string
  /** ISO instant (UTC) */
  endsAt: string
  nonWorkingLastDay: boolean
  basis: string
}

export function listLegalRules(): Promise<LegalRule[]> {
  return apiFetch<LegalRule[]>('/api/v1/legal/rules')
}

/** A platform admin's edit: every field of the rule's next version (its id and trigger stay). */
export type LegalRuleEdit = Pick<LegalRule, 'nameFr' | 'nameEn' | 'basis' | 'textVersion' | 'amount' | 'unit' | 'counting' | 'reminders'>

/** Makes the rule's next version (platform admins); running clocks keep the version they started with. */
export function updateLegalRule(id: string, edit: LegalRuleEdit): Promise<LegalRule> {
  return apiSend<LegalRule>(`/api/v1/legal/rules/${encodeURIComponent(id)}`, 'PUT', edit)
}

/** Which units each counting convention counts (the API refuses the other pairs). */
export const COUNTING_UNITS: Readonly<Record<Counting, readonly PeriodUnit[]>> = {
  CALENDAR_MONTHS: ['MONTHS', 'YEARS'],
  WHOLE_DAYS: ['DAYS'],
  ELAPSED_HOURS: ['HOURS'],
}

/** `trigger` is an ISO-8601 local date or date-time in Europe/Paris. */
export function previewDeadline(rule: string, trigger: string): Promise<DeadlinePreview> {
  return apiFetch<DeadlinePreview>(withQuery('/api/v1/legal/deadline-preview', { rule, trigger }))
}

/** The rule's name in the user's language. */
export function ruleName(rule: Pick<LegalRule, 'nameFr' | 'nameEn'>, locale: string): string {
  return locale === 'fr' ? rule.nameFr : rule.nameEn
}

export type ClockState = 'RUNNING' | 'ACTED_UPON' | 'EXPIRED' | 'WAIVED'
export type ClockOrigin = 'TRIAGE' | 'PUBLICATION' | 'REPUBLICATION' | 'ACTION' | 'MANUAL'
export type Qualification = 'DEFAMATION' | 'INSULT' | 'DISCRIMINATORY' | 'DENIGRATION' | 'NOT_ACTIONABLE'
export const QUALIFICATIONS: readonly Qualification[] = ['DEFAMATION', 'INSULT', 'DISCRIMINATORY', 'DENIGRATION', 'NOT_ACTIONABLE']
export type ActionKind =
  | 'FORMAL_NOTICE'
  | 'COMPLAINT'
  | 'SUMMARY_PROCEEDINGS'
  | 'HOST_NOTICE'
  | 'PLATFORM_NOTICE'
  | 'CNIL_NOTIFICATION'
  | 'RIGHT_OF_REPLY_REQUEST'
  | 'DELISTING_REQUEST'
export const ACTION_KINDS: readonly ActionKind[] = [
  'FORMAL_NOTICE',
  'COMPLAINT',
  'SUMMARY_PROCEEDINGS',
  'HOST_NOTICE',
  'PLATFORM_NOTICE',
  'CNIL_NOTIFICATION',
  'RIGHT_OF_REPLY_REQUEST',
  'DELISTING_REQUEST',
]
export type ActionStatus = 'DRAFT' | 'SENT' | 'ANSWERED' | 'GRANTED' | 'REFUSED' | 'WITHDRAWN'
export const NEXT_STATUSES: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  DRAFT: ['SENT', 'WITHDRAWN'],
  SENT: ['ANSWERED', 'GRANTED', 'REFUSED', 'WITHDRAWN'],
  ANSWERED: ['GRANTED', 'REFUSED', 'WITHDRAWN'],
  GRANTED: [],
  REFUSED: [],
  WITHDRAWN: [],
}

export interface Clock {
  id: string
  caseId: string
  ruleId: string
  ruleVersion: number
  nameFr: string
  nameEn: string
  basis: string
  textVersion: string
  counting: Counting
  triggerAt: string
  lastDay: string
  endsAt: string
  nonWorkingLastDay: boolean
  state: ClockState
  stateReason: string
  responsibleId: string | null
  responsibleName: string | null
  origin: ClockOrigin
  publicationId: string | null
  actionId: string | null
  createdAt: string
  closedAt: string | null
}

export interface ClockProposal {
  triageRule: string
  ruleId: string
  nameFr: string
  nameEn: string
  triggerAt: string
  needsQualification: boolean
  started: boolean
}

export interface ClockBoard {
  clocks: Clock[]
  proposals: ClockProposal[]
}

export interface Publication {
  id: string
  caseId: string
  url: string
  firstPublishedAt: string
  qualification: Qualification | null
  qualifiedAt: string | null
  qualifiedByName: string | null
  republications: { id: string; republishedAt: string; note: string; recordedAt: string }[]
  clocks: Clock[]
}

export interface LegalAction {
  id: string
  caseId: string
  kind: ActionKind
  status: ActionStatus
  title: string
  recipient: string
  urls: string[]
  reasons: string
  notifierIdentity: string
  goodFaith: boolean
  publicationId: string | null
  sentAt: string | null
  answeredAt: string | null
  noticeMissing: ('EXACT_URLS' | 'REASONS' | 'IDENTITY' | 'GOOD_FAITH')[]
  clockIds: string[]
  createdAt: string
  updatedAt: string
}

export interface NewLegalAction {
  kind: ActionKind
  title: string
  recipient?: string
  urls?: string[]
  reasons?: string
  notifierIdentity?: string
  goodFaith?: boolean
}

export interface PrivilegedNote {
  id: string
  caseId: string
  body: string
  authorId: string
  authorName: string | null
  createdAt: string
}

export interface Evidence {
  id: string
  caseId: string
  url: string
  capturedAt: string
  fileName: string
  contentType: string
  sizeBytes: number
  sha256: string
  capturedBy: string
  capturedByName: string | null
  createdAt: string
}

export interface LegalStatus {
  clocks: { ruleId: string; nameFr: string; nameEn: string; lastDay: string; state: ClockState }[]
  actions: { kind: ActionKind; status: ActionStatus; sentAt: string | null }[]
}

export interface CalendarEntry {
  caseId: string
  caseTitle: string
  clock: Clock
}

export interface CalendarFeed {
  active: boolean
  createdAt: string | null
  /** the secret path, shown once when made */
  path: string | null
}

const id = encodeURIComponent

export const getClockBoard = (caseId: string) => apiFetch<ClockBoard>(`/api/v1/cases/${id(caseId)}/clocks`)
export const startClock = (caseId: string, rule: string, triggerAt: string) =>
  apiSend<Clock>(`/api/v1/cases/${id(caseId)}/clocks`, 'POST', { rule, triggerAt })
export const closeClock = (clockId: string, state: 'ACTED_UPON' | 'WAIVED', reason: string) =>
  apiSend<Clock>(`/api/v1/clocks/${id(clockId)}/close`, 'POST', { state, reason })

export const listPublications = (caseId: string) => apiFetch<Publication[]>(`/api/v1/cases/${id(caseId)}/publications`)
export const recordPublication = (caseId: string, url: string, firstPublishedAt: string) =>
  apiSend<Publication>(`/api/v1/cases/${id(caseId)}/publications`, 'POST', { url, firstPublishedAt })
export const qualifyPublication = (publicationId: string, qualification: Qualification) =>
  apiSend<Publication>(`/api/v1/publications/${id(publicationId)}/qualification`, 'POST', { qualification })
export const recordRepublication = (publicationId: string, republishedAt: string, note: string) =>
  apiSend<Publication>(`/api/v1/publications/${id(publicationId)}/republications`, 'POST', { republishedAt, note })

export const listLegalActions = (caseId: string) => apiFetch<LegalAction[]>(`/api/v1/cases/${id(caseId)}/legal-actions`)
export const createLegalAction = (caseId: string, action: NewLegalAction) =>
  apiSend<LegalAction>(`/api/v1/cases/${id(caseId)}/legal-actions`, 'POST', action)
export const moveLegalAction = (actionId: string, status: ActionStatus) =>
  apiSend<LegalAction>(`/api/v1/legal-actions/${id(actionId)}/status`, 'POST', { status })

export const listPrivilegedNotes = (caseId: string) => apiFetch<PrivilegedNote[]>(`/api/v1/cases/${id(caseId)}/privileged-notes`)
export const createPrivilegedNote = (caseId: string, body: string) =>
  apiSend<PrivilegedNote>(`/api/v1/cases/${id(caseId)}/privileged-notes`, 'POST', { body })

export const listEvidence = (caseId: string) => apiFetch<Evidence[]>(`/api/v1/cases/${id(caseId)}/evidence`)
export function saveEvidence(caseId: string, url: string, capturedAt: string, file: File): Promise<Evidence> {
  const form = new FormData()
  form.set('url', url)
  form.set('capturedAt', capturedAt)
  form.set('file', file)
  return apiFetch<Evidence>(`/api/v1/cases/${id(caseId)}/evidence`, { method: 'POST', body: form })
}
export const evidenceFilePath = (evidenceId: string) => `/api/v1/evidence/${id(evidenceId)}/file`

export const getLegalStatus = (caseId: string) => apiFetch<LegalStatus>(`/api/v1/cases/${id(caseId)}/legal-status`)
export const getLegalCalendar = () => apiFetch<CalendarEntry[]>('/api/v1/legal/calendar')
export const getCalendarFeed = () => apiFetch<CalendarFeed>('/api/v1/legal/calendar/feed')
export const createCalendarFeed = () => apiSend<CalendarFeed>('/api/v1/legal/calendar/feed', 'POST')
export const revokeCalendarFeed = () => apiSend<void>('/api/v1/legal/calendar/feed', 'DELETE')

/**
 * Downloads an evidence file as the signed-in user (the file needs the bearer token, so no plain link): returns the
 * file and the SHA-256 the server sent with it.
 */
export async function downloadEvidence(evidenceId: string): Promise<{ blob: Blob; sha256: string | null; fileName: string }> {
  const auth = authClient()
  await auth.updateToken(MIN_TOKEN_VALIDITY)
  const response = await fetch(evidenceFilePath(evidenceId), {
    headers: auth.token ? { Authorization: `Bearer ${auth.token}` } : {},
  })
  if (!response.ok) {
    throw new ApiProblem({ title: response.statusText || `HTTP ${response.status}`, status: response.status })
  }
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1]
  return {
    blob: await response.blob(),
    sha256: response.headers.get('X-Content-SHA256'),
    fileName: name ? decodeURIComponent(name) : 'evidence',
  }
}
