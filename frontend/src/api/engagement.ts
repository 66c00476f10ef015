import { authClient } from '@/auth/keycloak'
import { enumValues } from './enums'
import { apiFetch, apiSend, MIN_TOKEN_VALIDITY } from './http'
import { withQuery, type Page } from './page'
import { ApiProblem } from './problem'
import type { components } from './schema'

type Schemas = components['schemas']

export type LogKind = Schemas['LogKind']
export type LogEntryView = Schemas['LogEntryView']
export type NewLogEntry = Schemas['LogRequests.NewEntry']
export type StakeholderGroup = Schemas['StakeholderGroup']
export type Quadrant = Schemas['Quadrant']
export type StakeholderView = Schemas['StakeholderView']
export type NewStakeholder = Schemas['StakeholderRequests.NewStakeholder']
export type StakeholderChange = Schemas['StakeholderRequests.Change']
export type RumourStatus = Schemas['RumourStatus']
export type RumourView = Schemas['RumourView']
export type NewRumour = Schemas['RumourRequests.NewRumour']
export type RumourResolution = Schemas['RumourRequests.Resolve']
export type SearchHit = Schemas['SearchHit']
export type SearchKind = Schemas['SearchHit.Kind']

export const WRITTEN_KINDS: readonly LogKind[] = ['FACT', 'DECISION']
export const LOG_KINDS = enumValues<LogKind>({ FACT: 1, DECISION: 1, TRIAGE: 1, TEAM: 1, STATUS: 1, PHASE: 1, RUMOUR: 1 })
export const STAKEHOLDER_GROUPS = enumValues<StakeholderGroup>({
  CUSTOMERS: 1,
  EMPLOYEES: 1,
  REGULATOR: 1,
  MEDIA: 1,
  AUTHORITIES: 1,
  INVESTORS: 1,
  SUPPLIERS: 1,
  PUBLIC: 1,
  ELECTED_OFFICIALS: 1,
})
export const QUADRANTS = enumValues<Quadrant>({ MANAGE_CLOSELY: 1, KEEP_SATISFIED: 1, KEEP_INFORMED: 1, MONITOR: 1 })

/** The running log's filters; empty ones are left out. `from`/`to` are instants (ISO). */
export interface LogFilter {
  workstream?: string | null
  publicOnly?: boolean
  author?: string | null
  from?: string | null
  to?: string | null
}

const casePath = (id: string, rest: string): string => `/api/v1/cases/${encodeURIComponent(id)}${rest}`

/** The case's running log, newest fact first; a client gets the public entries only. */
export function listLogEntries(caseId: string, filter: LogFilter, after: string | null): Promise<Page<LogEntryView>> {
  return apiFetch<Page<LogEntryView>>(
    withQuery(casePath(caseId, '/log'), {
      workstream: filter.workstream,
      publicOnly: filter.publicOnly ? 'true' : null,
      author: filter.author,
      from: filter.from,
      to: filter.to,
      after,
    }),
  )
}

export function addLogEntry(caseId: string, entry: NewLogEntry): Promise<LogEntryView> {
  return apiSend<LogEntryView>(casePath(caseId, '/log'), 'POST', entry)
}

/** Highest power first; `notInformed` for those not informed yet. */
export function listStakeholders(caseId: string, notInformed = false): Promise<StakeholderView[]> {
  return apiFetch<StakeholderView[]>(withQuery(casePath(caseId, '/stakeholders'), { notInformed: notInformed ? 'true' : null }))
}

export function addStakeholder(caseId: string, stakeholder: NewStakeholder): Promise<StakeholderView> {
  return apiSend<StakeholderView>(casePath(caseId, '/stakeholders'), 'POST', stakeholder)
}

export function changeStakeholder(id: string, change: StakeholderChange): Promise<StakeholderView> {
  return apiSend<StakeholderView>(`/api/v1/stakeholders/${encodeURIComponent(id)}`, 'PATCH', change)
}

export function removeStakeholder(id: string): Promise<void> {
  return apiSend<void>(`/api/v1/stakeholders/${encodeURIComponent(id)}`, 'DELETE')
}

/** Open rumours oldest first, then the resolved ones. */
export function listRumours(caseId: string, openOnly = false): Promise<RumourView[]> {
  return apiFetch<RumourView[]>(withQuery(casePath(caseId, '/rumours'), { open: openOnly ? 'true' : null }))
}

export function logRumour(caseId: string, rumour: NewRumour): Promise<RumourView> {
  return apiSend<RumourView>(casePath(caseId, '/rumours'), 'POST', rumour)
}

export function resolveRumour(id: string, resolution: RumourResolution): Promise<RumourView> {
  return apiSend<RumourView>(`/api/v1/rumours/${encodeURIComponent(id)}/resolve`, 'POST', resolution)
}

/** Full-text search over the caller's cases; snippets mark matches with `<mark>…</mark>`. */
export function search(q: string, after: string | null): Promise<Page<SearchHit>> {
  return apiFetch<Page<SearchHit>>(withQuery('/api/v1/search', { q, after }))
}

/** A snippet cut into plain-text parts, each saying whether it is a match: rendered as text, never as HTML. */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = []
  let rest = snippet
  while (rest.length > 0) {
    const start = rest.indexOf('<mark>')
    if (start < 0) {
      parts.push({ text: rest, match: false })
      break
    }
    const end = rest.indexOf('</mark>', start)
    if (end < 0) {
      parts.push({ text: rest, match: false })
      break
    }
    if (start > 0) {
      parts.push({ text: rest.slice(0, start), match: false })
    }
    parts.push({ text: rest.slice(start + 6, end), match: true })
    rest = rest.slice(end + 7)
  }
  return parts
}

/**
 * Downloads the case report: the PDF needs the bearer token, so it is fetched and handed to the browser as a file
 * (the staff version for the team, the client's version for clients).
 */
export async function downloadReport(caseId: string): Promise<void> {
  const auth = authClient()
  await auth.updateToken(MIN_TOKEN_VALIDITY)
  const response = await fetch(casePath(caseId, '/report.pdf'), {
    headers: { Authorization: `Bearer ${auth.token ?? ''}`, Accept: 'application/pdf, application/problem+json' },
  })
  if (!response.ok) {
    throw new ApiProblem({ title: response.statusText || `HTTP ${response.status}`, status: response.status })
  }
  const blob = await response.blob()
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `report-${caseId}.pdf`
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
