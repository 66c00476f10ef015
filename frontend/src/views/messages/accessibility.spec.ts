import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen } from '@testing-library/vue'
import type { Locale } from '@/i18n'
import type { Me } from '@/api/me'
import { axeViolations } from '@/test/axe'
import { CASE_ID, clientCase, triagedCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { client, consultant, lawyer } from '@/test/fixtures'
import { MESSAGE_ID, messageView, publishedMessage, revisionSummary, revisionView, template } from '@/test/messageFixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

useMswServer(
  http.get('/api/v1/cases', () => HttpResponse.json({ items: [clientCase()], next: null })),
  http.get(`/api/v1/cases/${CASE_ID}`, () => HttpResponse.json(triagedCase())),
  http.get(`/api/v1/cases/${CASE_ID}/messages`, () => HttpResponse.json([messageView({ state: 'IN_REVIEW' })])),
  http.get(`/api/v1/cases/${CASE_ID}/published-messages`, () =>
    HttpResponse.json([publishedMessage(), publishedMessage({ id: 'm-old', state: 'WITHDRAWN', withdrawnAt: '2026-03-10T04:00:00Z' })]),
  ),
  http.get(`/api/v1/messages/${MESSAGE_ID}`, () =>
    HttpResponse.json(
      messageView({
        state: 'IN_REVIEW',
        currentRevision: revisionSummary(2),
        revisions: [revisionSummary(1), revisionSummary(2)],
        approvals: [{ revision: 1, sha256: 'ab'.repeat(32), lawyerId: lawyer.subject, lawyerName: 'Louise Avocat', at: '2026-03-10T02:00:00Z', templateId: null }],
        changeRequests: [{ revision: 1, lawyerId: lawyer.subject, lawyerName: 'Louise Avocat', comment: 'Less jargon.', at: '2026-03-10T02:10:00Z' }],
      }),
    ),
  ),
  http.get(`/api/v1/messages/${MESSAGE_ID}/revisions/:n`, ({ params }) =>
    HttpResponse.json(Number(params.n) === 1 ? revisionView(1, { body: 'Old words.' }) : revisionView(2)),
  ),
  http.get('/api/v1/message-templates', () => HttpResponse.json([template(), template({ id: 't-2', approved: false, approvedAt: null, approvedBy: null, approvedByName: null })])),
)

const tab = `/cases/${CASE_ID}?tab=messages`

/**
 * axe-core on the messages pages once their data is shown: the case's list and forms, a message in review with its
 * warnings, sign-off and diff, the template library and the client's published messages. Colour contrast needs a
 * real browser: the end-to-end flows check it.
 */
describe('Accessibility of the messages (axe-core, WCAG 2.1 A and AA)', () => {
  it.each<[string, Me, string, string, string | null, Locale]>([
    ['the case’s messages', consultant, tab, 'message-row', null, 'en'],
    ['the new-message form', consultant, tab, 'message-row', 'message-new', 'en'],
    ['the template form in French', consultant, tab, 'message-row', 'message-from-template', 'fr'],
    ['a message in review, for a lawyer', lawyer, `${tab}&message=${MESSAGE_ID}`, 'message-diff', null, 'en'],
    ['a message in review, in French', lawyer, `${tab}&message=${MESSAGE_ID}`, 'message-diff', null, 'fr'],
    ['the template library', lawyer, '/messages', 'message-template', null, 'en'],
    ['the client’s published messages', client, '/portal', 'published-withdrawn', null, 'fr'],
  ])('%s has no violation', async (_page, me, path, ready, click, locale) => {
    installFakeAuth(me === client ? 'client' : 'staff')
    await renderApp(me, { path, locale })
    await screen.findAllByTestId(ready, {}, { timeout: 8000 })
    if (click) {
      await fireEvent.click(screen.getByTestId(click))
      await screen.findByRole('form')
    }

    expect(await axeViolations()).toEqual([])
  }, 15_000)
})
