import { http, HttpResponse } from 'msw'
import type { CheckWarning, MessageView, PublishedMessageView, RevisionSummary, RevisionView, TemplateView } from '@/api/messages'
import { CASE_ID } from './caseFixtures'
import { consultant, lawyer } from './fixtures'

export const MESSAGE_ID = '9d000000-0000-4000-8000-000000000001'

/** A hash for revision `n`: 64 hex digits, different per revision. */
export const sha = (n: number): string => `${n}`.padStart(2, '0') + 'a1'.repeat(31)

/** No published message on any case: the quiet default of the client's pages. */
export const noPublishedMessages = http.get('/api/v1/cases/:caseId/published-messages', () => HttpResponse.json([]))

export function revisionSummary(number: number, overrides: Partial<RevisionSummary> = {}): RevisionSummary {
  return {
    number,
    sha256: sha(number),
    authorId: consultant.subject,
    authorName: 'Camille Conseil',
    createdAt: `2026-03-10T0${Math.min(number, 9)}:10:00Z`,
    ...overrides,
  }
}

export function messageView(overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: MESSAGE_ID,
    caseId: CASE_ID,
    kind: 'HOLDING_STATEMENT',
    state: 'DRAFT',
    templateId: null,
    currentRevision: revisionSummary(1),
    title: 'Fire at our Strasbourg site',
    language: 'en',
    channels: ['PRESS', 'WEBSITE'],
    audience: ['CUSTOMERS', 'PUBLIC'],
    approvals: [],
    publications: [],
    changeRequests: [],
    revisions: [revisionSummary(1)],
    createdAt: '2026-03-10T01:10:00Z',
    updatedAt: '2026-03-10T01:10:00Z',
    publishedAt: null,
    withdrawnAt: null,
    ...overrides,
  }
}

export const BODY_1 =
  'On 10 March a fire affected our Strasbourg site.\n\nIt was **probably** caused by human error of our supplier.\n\n- No one was hurt\n- Backups are *being checked*'

/** The check's warnings on BODY_1: speculation on "probably", scapegoating on "human error", no empathy. */
export const WARNINGS_1: CheckWarning[] = [
  { rule: 'scapegoating', spans: [{ field: 'body', start: 80, end: 91, text: 'human error' }], detail: '' },
  { rule: 'speculation', spans: [{ field: 'body', start: 59, end: 67, text: 'probably' }], detail: '' },
  { rule: 'no-empathy', spans: [], detail: '' },
]

export function revisionView(number: number, overrides: Partial<RevisionView> = {}): RevisionView {
  return {
    number,
    title: 'Fire at our Strasbourg site',
    body: BODY_1,
    channels: ['PRESS', 'WEBSITE'],
    audience: ['CUSTOMERS', 'PUBLIC'],
    language: 'en',
    authorId: consultant.subject,
    authorName: 'Camille Conseil',
    sha256: sha(number),
    createdAt: `2026-03-10T0${Math.min(number, 9)}:10:00Z`,
    templateId: null,
    warnings: WARNINGS_1,
    ...overrides,
  }
}

export function publishedMessage(overrides: Partial<PublishedMessageView> = {}): PublishedMessageView {
  return {
    id: MESSAGE_ID,
    kind: 'HOLDING_STATEMENT',
    state: 'PUBLISHED',
    revision: 2,
    sha256: sha(2),
    title: 'Fire at our Strasbourg site',
    body: 'We are sorry for the trouble.\n\nNext update at **18:00**.',
    channels: ['PRESS'],
    audience: ['PUBLIC'],
    language: 'en',
    publishedAt: '2026-03-10T03:00:00Z',
    withdrawnAt: null,
    ...overrides,
  }
}

export function template(overrides: Partial<TemplateView> = {}): TemplateView {
  return {
    id: 'holding-outage-en',
    crisisType: 'OUTAGE',
    kind: 'HOLDING_STATEMENT',
    language: 'en',
    title: 'Ongoing incident: situation update',
    body: 'On {{date}}, an incident affected {{place}}.\n\nWhat we know at this time: {{facts}}\n\nWhat we are doing: {{actions}}\n\nNext update: {{next_update}}.',
    sha256: 'c0ffee'.padEnd(64, '0'),
    approved: true,
    approvedBy: lawyer.subject,
    approvedByName: 'Louise Avocat',
    approvedAt: '2026-03-01T09:00:00Z',
    ...overrides,
  }
}
