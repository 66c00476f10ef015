import { authClient } from '@/auth/keycloak'
import { enumValues } from './enums'
import { ApiProblem, MIN_TOKEN_VALIDITY, apiFetch, apiSend } from './http'
import type { components } from './schema'

type Schemas = components['schemas']

export type Ownership = Schemas['Ownership']
export type Tone = Schemas['Tone']
export type CleanupKind = Schemas['CleanupKind']
export type CleanupStatus = Schemas['CleanupStatus']
export type QueryView = Schemas['ReputationViews.QueryView']
export type ResultView = Schemas['ReputationViews.ResultView']
export type MetricsView = Schemas['ReputationViews.MetricsView']
export type QueryMetrics = Schemas['ReputationViews.QueryMetrics']
export type SnapshotMetrics = Schemas['ReputationViews.SnapshotMetrics']
export type ActionView = Schemas['ReputationViews.ActionView']
export type ClientActionView = Schemas['ReputationViews.ClientActionView']
export type ImportView = Schemas['ReputationViews.ImportView']
export type NewAction = Schemas['ReputationRequests.NewAction']

export const OWNERSHIPS = enumValues<Ownership>({ OWNED: 1, THIRD_PARTY: 1 })
export const TONES = enumValues<Tone>({ NEGATIVE: 1, NEUTRAL: 1, POSITIVE: 1 })
export const CLEANUP_KINDS = enumValues<CleanupKind>({ CONTENT: 1, DELISTING: 1, TAKEDOWN: 1, REVIEW_REPLY: 1, LEGAL_REFERRAL: 1 })

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`

export function listSerpQueries(caseId: string): Promise<QueryView[]> {
  return apiFetch(`${base(caseId)}/serp-queries`)
}

export function createSerpQuery(caseId: string, query: string, locale: string): Promise<QueryView> {
  return apiSend(`${base(caseId)}/serp-queries`, 'POST', { query, locale })
}

export function classifyUrl(caseId: string, url: string, ownership: Ownership, tone: Tone): Promise<unknown> {
  return apiSend(`${base(caseId)}/serp-classifications`, 'PUT', { url, ownership, tone })
}

export function getSerpMetrics(caseId: string): Promise<MetricsView> {
  return apiFetch(`${base(caseId)}/serp-metrics`)
}

export function listCleanupActions(caseId: string): Promise<ActionView[]> {
  return apiFetch(`${base(caseId)}/cleanup-actions`)
}

export function listCleanupProgress(caseId: string): Promise<ClientActionView[]> {
  return apiFetch(`${base(caseId)}/cleanup-progress`)
}

export function createCleanupAction(caseId: string, action: NewAction): Promise<ActionView> {
  return apiSend(`${base(caseId)}/cleanup-actions`, 'POST', action)
}

export function moveCleanupAction(caseId: string, actionId: string, status: CleanupStatus): Promise<ActionView> {
  return apiSend(`${base(caseId)}/cleanup-actions/${encodeURIComponent(actionId)}`, 'PATCH', { status })
}

/** A refused import names the line at fault besides the reason. */
export class ImportProblem extends ApiProblem {
  constructor(
    readonly line: number | undefined,
    detail: string | undefined,
    status: number,
  ) {
    super({ title: 'Import refused', status, detail })
  }
}

/**
 * Uploads a CSV export. XMLHttpRequest rather than fetch: only it reports upload progress, which a large file needs
 * (a progress bar). `onProgress` receives a share from 0 to 1.
 */
export async function importSerpCsv(caseId: string, file: Blob, onProgress: (share: number) => void): Promise<ImportView> {
  const auth = authClient()
  await auth.updateToken(MIN_TOKEN_VALIDITY)
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `${base(caseId)}/serp-imports`)
    xhr.setRequestHeader('Content-Type', 'text/csv; charset=utf-8')
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json')
    if (auth.token) {
      xhr.setRequestHeader('Authorization', `Bearer ${auth.token}`)
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        onProgress(e.loaded / e.total)
      }
    }
    xhr.onload = () => {
      let body: Record<string, unknown> = {}
      try {
        body = JSON.parse(xhr.responseText) as Record<string, unknown>
      } catch {
        // not JSON: the status says enough
      }
      if (xhr.status === 201) {
        onProgress(1)
        resolve(body as unknown as ImportView)
      } else {
        reject(new ImportProblem(typeof body.line === 'number' ? body.line : undefined,
          typeof body.detail === 'string' ? body.detail : undefined, xhr.status))
      }
    }
    xhr.onerror = () => reject(new ApiProblem({ title: 'Network error', status: 0 }))
    xhr.send(file)
  })
}

/** The first lines of a CSV file, split on its separator (semicolon when the header has more of them): the preview. */
export function previewCsv(text: string, lines = 6): string[][] {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, lines)
  const header = rows[0] ?? ''
  const separator = (header.match(/;/g) ?? []).length > (header.match(/,/g) ?? []).length ? ';' : ','
  return rows.map((r) => r.split(separator).map((c) => c.trim().replace(/^"(.*)"$/, '$1')))
}

/** The PDF progress report, fetched with the token (a plain link would carry none) and opened as a blob. */
export async function openSerpReport(caseId: string, lang: string): Promise<void> {
  const auth = authClient()
  await auth.updateToken(MIN_TOKEN_VALIDITY)
  const response = await fetch(`${base(caseId)}/serp-report.pdf?lang=${lang === 'en' ? 'en' : 'fr'}`, {
    headers: auth.token ? { Authorization: `Bearer ${auth.token}` } : {},
  })
  if (!response.ok) {
    throw new ApiProblem({ title: response.statusText || `HTTP ${response.status}`, status: response.status })
  }
  const url = URL.createObjectURL(await response.blob())
  window.open(url, '_blank', 'noopener')
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export type NewSnapshot = Schemas['ReputationRequests.NewSnapshot']

export function createSerpSnapshot(caseId: string, snapshot: NewSnapshot): Promise<unknown> {
  return apiSend(`${base(caseId)}/serp-snapshots`, 'POST', snapshot)
}

export function setSerpTarget(caseId: string, queryId: string, targetDate: string | null): Promise<QueryView> {
  return apiSend(`${base(caseId)}/serp-queries/${encodeURIComponent(queryId)}/target`, 'PUT', { targetDate })
}
