import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { Me } from '@/api/me'
import type { MessageEdit, MessageView, RevisionView } from '@/api/messages'
import type { Locale } from '@/i18n'
import { CASE_ID, triagedCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { consultant, lawyer } from '@/test/fixtures'
import { MESSAGE_ID, messageView, noPublishedMessages, revisionSummary, revisionView, sha } from '@/test/messageFixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer(
  http.get(`/api/v1/cases/${CASE_ID}`, () => HttpResponse.json(triagedCase())),
  http.get(`/api/v1/cases/${CASE_ID}/messages`, () => HttpResponse.json([])),
  noPublishedMessages,
)

/** The message routes answering `message` and its revisions. */
function messageRoutes(message: MessageView, revisions: Record<number, RevisionView> = { 1: revisionView(1) }) {
  server.use(
    http.get(`/api/v1/messages/${MESSAGE_ID}`, () => HttpResponse.json(message)),
    http.get(`/api/v1/messages/${MESSAGE_ID}/revisions/:n`, ({ params }) => {
      const found = revisions[Number(params.n)]
      return found ? HttpResponse.json(found) : problem(404, 'No such revision.')
    }),
  )
}

async function openMessage(me: Me, locale: Locale = 'en') {
  installFakeAuth()
  const app = await renderApp(me, { path: `/cases/${CASE_ID}?tab=messages&message=${MESSAGE_ID}`, locale })
  await screen.findByTestId('message-words', {}, { timeout: 5000 })
  return app
}

describe('A message: its words and the check', () => {
  it('renders the Markdown as nodes and marks the words behind each warning, explained in one sentence', async () => {
    messageRoutes(messageView())
    await openMessage(consultant)

    const body = screen.getByTestId('message-words-body')
    expect(body.querySelectorAll('p')).toHaveLength(2)
    expect(body.querySelector('p')?.textContent).toBe('On 10 March a fire affected our Strasbourg site.')
    const bold = body.querySelector('strong') as HTMLElement
    expect(bold.textContent).toBe('probably')
    expect(bold.querySelector('mark')?.getAttribute('data-rules')).toBe('speculation')
    const marks = [...body.querySelectorAll('mark')].map((m) => [m.textContent, m.getAttribute('data-rules')])
    expect(marks).toEqual([
      ['probably', 'speculation'],
      ['human error', 'scapegoating'],
    ])
    expect([...body.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['No one was hurt', 'Backups are being checked'])
    expect(body.querySelector('li em')?.textContent).toBe('being checked')
    expect(body.textContent).not.toContain('**')

    const warnings = screen.getAllByTestId('message-warning')
    expect(warnings.map((w) => w.getAttribute('data-rule'))).toEqual(['scapegoating', 'speculation', 'no-empathy'])
    expect(warnings[0]?.textContent).toContain('Scapegoating')
    expect(warnings[0]?.textContent).toContain('Blaming a supplier, an employee or anyone else reads as an escape')
    expect(within(warnings[0] as HTMLElement).getByText('human error').tagName).toBe('MARK')
    expect(warnings[2]?.textContent).toContain('The message has no word for the people affected')
    expect(warnings[2]?.querySelector('mark')).toBeNull()
  })

  it('explains the warnings in French', async () => {
    messageRoutes(messageView())
    await openMessage(consultant, 'fr')

    const warnings = screen.getAllByTestId('message-warning')
    expect(warnings[0]?.textContent).toContain('Bouc émissaire')
    expect(warnings[0]?.textContent).toContain('Rejeter la faute sur un prestataire')
    expect(warnings[1]?.textContent).toContain('ne donnez que des faits vérifiés')
    expect(screen.getByTestId('message-state').textContent).toBe('Brouillon')
  })

  it('marks title words and gives the reading-ease score of an audience-fit warning', async () => {
    messageRoutes(
      messageView(),
      {
        1: revisionView(1, {
          title: 'Failover of the datacenter',
          body: 'The RPO was met.',
          warnings: [
            {
              rule: 'audience-fit',
              spans: [
                { field: 'title', start: 16, end: 26, text: 'datacenter' },
                { field: 'body', start: 4, end: 7, text: 'RPO' },
              ],
              detail: '31',
            },
          ],
        }),
      },
    )
    await openMessage(consultant)

    expect(screen.getByTestId('message-words-title').querySelector('mark')?.textContent).toBe('datacenter')
    expect(screen.getByTestId('message-words-body').querySelector('mark')?.textContent).toBe('RPO')
    expect(screen.getByTestId('message-warning').textContent).toContain('Reading ease: 31 out of 100')
  })

  it('shows HTML in the words as text, never as elements', async () => {
    messageRoutes(messageView(), {
      1: revisionView(1, { title: '<b>Title</b>', body: 'Hello <img src=x onerror="alert(1)"> <script>alert(2)</script>', warnings: [] }),
    })
    await openMessage(consultant)

    const words = screen.getByTestId('message-words')
    expect(words.querySelector('img, script, b')).toBeNull()
    expect(words.textContent).toContain('<img src=x onerror="alert(1)">')
    expect(screen.getByTestId('message-no-warning')).toBeTruthy()
  })
})

describe('A message: the sign-off gate', () => {
  it('lets the author submit the current revision for review', async () => {
    messageRoutes(messageView())
    let sent: unknown = null
    server.use(
      http.post(`/api/v1/messages/${MESSAGE_ID}/submit`, async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(messageView({ state: 'IN_REVIEW' }))
      }),
    )
    await openMessage(consultant)
    // a consultant neither approves nor publishes a draft
    expect(screen.queryByTestId('message-approve')).toBeNull()
    expect(screen.queryByTestId('message-publish')).toBeNull()

    await fireEvent.click(screen.getByTestId('message-submit'))

    await waitFor(() => expect(screen.getByTestId('message-state').textContent).toBe('In review'))
    expect(sent).toEqual({ revision: 1 })
    expect(screen.queryByTestId('message-submit')).toBeNull()
  })

  it('lets a lawyer approve exactly the revision shown, named by the hash of its words', async () => {
    const shown = revisionView(2, { sha256: 'ab'.repeat(32) })
    messageRoutes(messageView({ state: 'IN_REVIEW', currentRevision: revisionSummary(2, { sha256: 'ab'.repeat(32) }) }), { 2: shown })
    let sent: unknown = null
    server.use(
      http.post(`/api/v1/messages/${MESSAGE_ID}/approve`, async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(
          messageView({
            state: 'APPROVED',
            currentRevision: revisionSummary(2, { sha256: 'ab'.repeat(32) }),
            approvals: [{ revision: 2, sha256: 'ab'.repeat(32), lawyerId: lawyer.subject, lawyerName: 'Louise Avocat', at: '2026-03-10T02:30:00Z', templateId: null }],
          }),
        )
      }),
    )
    await openMessage(lawyer)
    expect(screen.getByTestId('message-sha256').textContent).toBe('abababababab…')
    expect(screen.getByText('You approve exactly the words shown: revision 2, SHA-256 abababababab….')).toBeTruthy()

    await fireEvent.click(screen.getByTestId('message-approve'))

    await waitFor(() => expect(screen.getByTestId('message-state').textContent).toBe('Approved'))
    expect(sent).toEqual({ revision: 2, sha256: 'ab'.repeat(32) })
    const approval = screen.getByTestId('message-approval')
    expect(approval.textContent).toContain('Louise Avocat approved revision 2')
    expect(approval.textContent).toContain('abababababab…')
    expect(approval.textContent).toContain('covers the words shown')
    // lawyers sign off, consultants publish
    expect(screen.queryByTestId('message-publish')).toBeNull()
  })

  it('lets a lawyer request changes with a comment, required', async () => {
    messageRoutes(messageView({ state: 'IN_REVIEW' }))
    let sent: unknown = null
    server.use(
      http.post(`/api/v1/messages/${MESSAGE_ID}/request-changes`, async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json(
          messageView({
            state: 'CHANGES_REQUESTED',
            changeRequests: [{ revision: 1, lawyerId: lawyer.subject, lawyerName: 'Louise Avocat', comment: 'Remove “human error”.', at: '2026-03-10T02:40:00Z' }],
          }),
        )
      }),
    )
    await openMessage(lawyer)

    await fireEvent.click(screen.getByTestId('message-request-changes'))
    expect(document.getElementById('message-change-comment-error')?.textContent).toBe('Say what should change.')
    expect(sent).toBeNull()

    await fireEvent.update(screen.getByTestId('message-change-comment'), 'Remove “human error”.')
    await fireEvent.click(screen.getByTestId('message-request-changes'))

    await waitFor(() => expect(screen.getByTestId('message-state').textContent).toBe('Changes requested'))
    expect(sent).toEqual({ revision: 1, comment: 'Remove “human error”.' })
    expect(screen.getByTestId('message-change-request').textContent).toContain('Louise Avocat on revision 1')
    expect(screen.getByTestId('message-change-request').textContent).toContain('Remove “human error”.')
  })

  it('does not offer a lawyer to approve the revision they wrote (four eyes)', async () => {
    messageRoutes(messageView({ state: 'IN_REVIEW' }), { 1: revisionView(1, { authorId: lawyer.subject, authorName: 'Louise Avocat' }) })
    await openMessage(lawyer)

    expect(screen.queryByTestId('message-approve')).toBeNull()
    expect(screen.queryByTestId('message-request-changes')).toBeNull()
    expect(screen.getByTestId('message-own-revision').textContent).toContain('another lawyer of the team must review it')
  })

  it('lets a consultant publish the approved revision with its hash, and shows a refusal’s detail', async () => {
    const approved = messageView({
      state: 'APPROVED',
      approvals: [{ revision: 1, sha256: sha(1), lawyerId: lawyer.subject, lawyerName: 'Louise Avocat', at: '2026-03-10T02:30:00Z', templateId: null }],
    })
    messageRoutes(approved)
    const sent: unknown[] = []
    server.use(
      http.post(`/api/v1/messages/${MESSAGE_ID}/publish`, async ({ request }) => {
        sent.push(await request.json())
        if (sent.length === 1) {
          return problem(409, 'The hash given is not the hash of revision 1: these are not the approved words.')
        }
        return HttpResponse.json({ ...approved, state: 'PUBLISHED', publications: [{ revision: 1, sha256: sha(1), at: '2026-03-10T03:00:00Z' }] })
      }),
    )
    await openMessage(consultant)

    await fireEvent.click(screen.getByTestId('message-publish'))
    expect((await screen.findByTestId('message-problem')).textContent).toContain('these are not the approved words')
    expect(screen.getByTestId('message-state').textContent).toBe('Approved')
    // the message is read again after a conflict; then the button is back
    await waitFor(() => expect((screen.getByTestId('message-publish') as HTMLButtonElement).disabled).toBe(false))

    await fireEvent.click(screen.getByTestId('message-publish'))
    await waitFor(() => expect(screen.getByTestId('message-state').textContent).toBe('Published'))
    expect(sent).toEqual([
      { revision: 1, sha256: sha(1) },
      { revision: 1, sha256: sha(1) },
    ])
    expect(screen.getByTestId('message-publication').textContent).toContain('Revision 1 published')
    expect(screen.getByTestId('message-withdraw')).toBeTruthy()
  })

  it('withdraws a published message', async () => {
    messageRoutes(messageView({ state: 'PUBLISHED', publications: [{ revision: 1, sha256: sha(1), at: '2026-03-10T03:00:00Z' }] }))
    let called = false
    server.use(
      http.post(`/api/v1/messages/${MESSAGE_ID}/withdraw`, () => {
        called = true
        return HttpResponse.json(messageView({ state: 'WITHDRAWN', withdrawnAt: '2026-03-10T04:00:00Z' }))
      }),
    )
    await openMessage(consultant)

    await fireEvent.click(screen.getByTestId('message-withdraw'))

    await waitFor(() => expect(screen.getByTestId('message-state').textContent).toBe('Withdrawn'))
    expect(called).toBe(true)
    expect(screen.queryByTestId('message-edit')).toBeNull()
    expect(screen.getByTestId('message-withdrawn-at')).toBeTruthy()
  })

  it('edits over the revision shown (baseRevision); the approval of the old words is shown as no longer covering them', async () => {
    const approval = { revision: 1, sha256: sha(1), lawyerId: lawyer.subject, lawyerName: 'Louise Avocat', at: '2026-03-10T02:30:00Z', templateId: null }
    messageRoutes(messageView({ state: 'APPROVED', approvals: [approval] }), {
      1: revisionView(1),
      2: revisionView(2, { body: 'We are sorry. Backups are being checked.', warnings: [] }),
    })
    let sent: MessageEdit | null = null
    server.use(
      http.put(`/api/v1/messages/${MESSAGE_ID}`, async ({ request }) => {
        sent = (await request.json()) as MessageEdit
        return HttpResponse.json(
          messageView({ state: 'DRAFT', currentRevision: revisionSummary(2), revisions: [revisionSummary(1), revisionSummary(2)], approvals: [approval] }),
        )
      }),
    )
    await openMessage(consultant)

    await fireEvent.click(screen.getByTestId('message-edit'))
    expect((screen.getByTestId('message-body') as HTMLTextAreaElement).value).toContain('It was **probably** caused')
    expect(screen.getByTestId('message-kind').textContent).toContain('Holding statement')
    await fireEvent.update(screen.getByTestId('message-body'), 'We are sorry. Backups are being checked.')
    await fireEvent.click(screen.getByTestId('message-save'))

    await waitFor(() => expect(screen.getByTestId('message-state').textContent).toBe('Draft'))
    expect(sent).toEqual({
      kind: 'HOLDING_STATEMENT',
      title: 'Fire at our Strasbourg site',
      body: 'We are sorry. Backups are being checked.',
      language: 'en',
      channels: ['PRESS', 'WEBSITE'],
      audience: ['CUSTOMERS', 'PUBLIC'],
      baseRevision: 1,
    })
    await waitFor(() => expect(screen.getByTestId('message-revision').textContent).toContain('2, by Camille Conseil'))
    expect(screen.getByTestId('message-approval-voided').textContent).toBe('earlier words: does not cover the current revision')
    expect(await screen.findByTestId('message-diff')).toBeTruthy()
  })
})

describe('A message: comparing revisions', () => {
  it('marks inserted and deleted words, each announced, and names other changes', async () => {
    messageRoutes(messageView({ currentRevision: revisionSummary(2), revisions: [revisionSummary(1), revisionSummary(2)] }), {
      1: revisionView(1, { title: 'Fire at our site', body: 'A fire hit our site. Nobody knows why.', channels: ['PRESS'] }),
      2: revisionView(2, { title: 'Fire at our site', body: 'A fire hit our Strasbourg site. We are sorry.', channels: ['PRESS', 'WEBSITE'] }),
    })
    await openMessage(lawyer)

    const diff = await screen.findByTestId('message-diff')
    const inserted = [...diff.querySelectorAll('ins')].map((e) => e.textContent)
    const deleted = [...diff.querySelectorAll('del')].map((e) => e.textContent)
    expect(inserted.join('|')).toContain('Strasbourg')
    expect(inserted.join('|')).toContain('sorry')
    expect(deleted.join('|')).toContain('Nobody knows why')
    for (const e of diff.querySelectorAll('ins')) {
      expect(e.querySelector('.visually-hidden')?.textContent?.trim()).toBe('added:')
    }
    for (const e of diff.querySelectorAll('del')) {
      expect(e.querySelector('.visually-hidden')?.textContent?.trim()).toBe('removed:')
    }
    expect(screen.getByTestId('message-diff-summary').textContent).toContain('Words added: 4; words removed: 3.')
    expect(screen.getByTestId('message-diff-other').textContent).toContain('Channels: Press → Press, Website')
    expect(screen.getByTestId('message-diff-from').textContent).toContain('Revision 1 — Camille Conseil')

    // the same revision on both sides: nothing marked
    await fireEvent.click(screen.getByTestId('message-diff-from'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: /^Revision 2/ }))
    await waitFor(() => expect(screen.getByTestId('message-diff').querySelectorAll('ins, del')).toHaveLength(0))
    expect(screen.getByTestId('message-diff-summary').textContent).toContain('The same revision on both sides.')
  })
})
