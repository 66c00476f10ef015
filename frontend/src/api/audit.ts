import { apiFetch, apiSend } from './http'
import { PAGE_SIZE, withQuery, type Page } from './page'

export interface AuditActor {
  subject: string
  username: string
  roles: string[]
  firm: string | null
}

export interface AuditChange {
  before: unknown
  after: unknown
}

/** One link of an audit hash chain. */
export interface AuditEvent {
  seq: number
  /** ISO instant */
  occurredAt: string
  actor: AuditActor
  /** e.g. `tenant.created`, `user.invited` */
  action: string
  entityType: string
  entityId: string
  changes: Record<string, AuditChange> | null
  ip: string | null
  userAgent: string | null
  /** the server's own id of the request */
  requestId: string | null
  /** the id the caller sent (X-Request-Id), as given; not covered by the hash */
  clientRequestId: string | null
  prevHash: string
  hash: string
}

export interface ChainVerification {
  /** `platform` or a tenant id */
  chain: string
  name: string
  events: number
  headSeq: number
  valid: boolean
  firstBroken: { seq: number; reason: string } | null
  checkpoints: number
  lastCheckpointSeq: number | null
}

export interface AuditVerification {
  /** ISO instant */
  verifiedAt: string
  chains: ChainVerification[]
}

export interface Checkpoint {
  chain: string
  seq: number
  hash: string
  /** ISO instant */
  signedAt: string
  keyId: string
}

/** The platform trail, newest first: pass `next` back as `before` for older events. */
export function listPlatformAudit(before: string | null = null, limit = PAGE_SIZE): Promise<Page<AuditEvent>> {
  return apiFetch<Page<AuditEvent>>(withQuery('/api/v1/platform/audit', { before, limit }))
}

/** Recomputes every chain and names the first broken link of each. */
export function verifyPlatformAudit(): Promise<AuditVerification> {
  return apiFetch<AuditVerification>('/api/v1/platform/audit/verification')
}

/** Signs a checkpoint of each chain's head now. */
export function signCheckpoints(): Promise<{ items: Checkpoint[] }> {
  return apiSend<{ items: Checkpoint[] }>('/api/v1/platform/audit/checkpoints', 'POST')
}
