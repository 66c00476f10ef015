import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { screen } from '@testing-library/vue'
import type { Locale } from '@/i18n'
import type { Me } from '@/api/me'
import { axeViolations } from '@/test/axe'
import {
  CASE_ID,
  caseSummary,
  clientCase,
  handoff,
  intakeItem,
  proposal,
  staffDirectory,
  task,
  teamMember,
  tenantNames,
  triagedCase,
} from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { auditEvent, client, consultant } from '@/test/fixtures'
import { noPublishedMessages } from '@/test/messageFixtures'
import { noPublicLog } from '@/test/engagementFixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const page = (items: unknown[]) => HttpResponse.json({ items, next: null })

useMswServer(
  http.get('/api/v1/cases/intake', () => page([intakeItem('c-late', 'Fire at the Lyon plant', new Date(Date.now() - 7_200_000).toISOString())])),
  http.get('/api/v1/tasks/mine', () => page([task({ overdue: true })])),
  http.get('/api/v1/cases/summary', () => HttpResponse.json({ bySeverity: [{ severity: 3, count: 1 }], byStatus: [], intakeWaiting: 1 })),
  http.get('/api/v1/cases', ({ request }) =>
    // the same route answers staff and clients, with different shapes
    request.headers.get('Authorization') === 'Bearer client' ? page([clientCase()]) : page([caseSummary()]),
  ),
  http.get(`/api/v1/cases/${CASE_ID}`, () => HttpResponse.json(triagedCase())),
  http.get(`/api/v1/cases/${CASE_ID}/triage-proposal`, () => HttpResponse.json(proposal)),
  http.get(`/api/v1/cases/${CASE_ID}/team`, () => HttpResponse.json([teamMember()])),
  http.get(`/api/v1/cases/${CASE_ID}/tasks`, () => HttpResponse.json([task(), task({ id: 't-2', overdue: true })])),
  http.get(`/api/v1/cases/${CASE_ID}/handoffs`, () => HttpResponse.json([handoff()])),
  http.get(`/api/v1/cases/${CASE_ID}/audit`, () => page([auditEvent(7)])),
  http.get('/api/v1/directory/staff', () => HttpResponse.json(staffDirectory)),
  http.get('/api/v1/directory/tenants', () => HttpResponse.json(tenantNames)),
  noPublishedMessages,
  noPublicLog,
)

const workspace = `/cases/${CASE_ID}`

/**
 * axe-core on each page of the case workspace, once its data is shown: names, labels, roles and ARIA. Colour
 * contrast needs a real browser: the end-to-end flows check it.
 */
describe('Accessibility of the case pages (axe-core, WCAG 2.1 A and AA)', () => {
  it.each<[string, Me, string, string, Locale]>([
    ['the staff home', consultant, '/', 'intake-row-c-late', 'en'],
    ['the cases list', consultant, '/cases', `case-row-${CASE_ID}`, 'en'],
    ['the intake form', consultant, '/cases/new', 'case-new-tenant', 'en'],
    ['the overview', consultant, workspace, 'workstream-table', 'en'],
    ['the triage', consultant, `${workspace}?tab=triage`, 'triage-form', 'en'],
    ['the team', consultant, `${workspace}?tab=team`, 'team-add-submit', 'en'],
    ['the tasks', consultant, `${workspace}?tab=tasks`, 'task-add-submit', 'en'],
    ['the hand-offs', consultant, `${workspace}?tab=handoffs`, 'handoff-submit', 'en'],
    ['the case audit trail', consultant, `${workspace}?tab=audit`, 'audit-event-7', 'en'],
    ['the triage in French', consultant, `${workspace}?tab=triage`, 'triage-form', 'fr'],
    ['the client home', client, '/', `portal-case-${CASE_ID}`, 'en'],
    ['the portal in French', client, '/portal', `portal-case-${CASE_ID}`, 'fr'],
    ['the client’s incident report', client, '/portal/new', 'case-report-submit', 'en'],
  ])('%s has no violation', async (_page, me, path, ready, locale) => {
    installFakeAuth(me === client ? 'client' : 'staff')
    await renderApp(me, { path, locale })
    await screen.findByTestId(ready, {}, { timeout: 8000 })

    expect(await axeViolations()).toEqual([])
  }, 15_000)
})
