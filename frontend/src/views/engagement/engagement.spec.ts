import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { LogEntryView, NewLogEntry, RumourView, SearchHit, StakeholderView } from '@/api/engagement'
import { snippetParts } from '@/api/engagement'
import { CASE_ID, teamMember, triagedCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { consultant, lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer()

function entry(overrides: Partial<LogEntryView> = {}): LogEntryView {
  return {
    id: 'e1', caseId: CASE_ID, occurredAt: '2026-03-10T05:00:00Z', recordedAt: '2026-03-10T05:01:00Z',
    authorId: 'u-consultant', authorName: 'Claire Morel', kind: 'FACT', workstream: null, text: 'Services restored at 60 %.',
    links: [], taskId: null, public: true, automatic: false, event: null, params: {}, messageId: null, messageTitle: null,
    ...overrides,
  }
}

function stakeholder(overrides: Partial<StakeholderView> = {}): StakeholderView {
  return {
    id: 's1', caseId: CASE_ID, group: 'CUSTOMERS', name: 'Customers', expectations: '', power: 4, interest: 5,
    quadrant: 'MANAGE_CLOSELY', channel: '', ownerId: null, ownerName: null, informed: false, informedAt: null,
    informedBy: null, informedByName: null, proposed: false, createdAt: '2026-03-10T05:00:00Z', updatedAt: '2026-03-10T05:00:00Z',
    ...overrides,
  }
}

function rumour(overrides: Partial<RumourView> = {}): RumourView {
  return {
    id: 'r1', caseId: CASE_ID, claim: 'All customer data is lost', sourceUrl: null, firstSeenAt: '2026-03-10T04:00:00Z',
    reach: 12000, status: 'WATCHING', resolvedAt: null, resolvedBy: null, responseEntryId: null, responseText: null,
    minutesToDebunk: null, createdBy: 'u-consultant', createdAt: '2026-03-10T04:00:00Z', messageId: null, messageTitle: null,
    ...overrides,
  }
}

function workspace() {
  server.use(
    http.get(`/api/v1/cases/${CASE_ID}`, () => HttpResponse.json(triagedCase())),
    http.get(`/api/v1/cases/${CASE_ID}/team`, () => HttpResponse.json([teamMember()])),
  )
}

async function open(tab: string, me = consultant) {
  installFakeAuth()
  return renderApp(me, { path: `/cases/${CASE_ID}?tab=${tab}` })
}

describe('Running log', () => {
  it('logs a public fact and shows automatic entries in the reader\'s language', async () => {
    workspace()
    let posted: NewLogEntry | null = null
    const entries = [entry({ id: 'auto', kind: 'STATUS', automatic: true, event: 'STATUS_CHANGED', params: { from: 'TRIAGED', to: 'ACTIVE' }, text: 'Statut passé…' })]
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/log`, () => HttpResponse.json({ items: entries, next: null })),
      http.post(`/api/v1/cases/${CASE_ID}/log`, async ({ request }) => {
        posted = (await request.json()) as NewLogEntry
        entries.unshift(entry({ id: 'new', text: posted.text }))
        return HttpResponse.json(entries[0], { status: 201 })
      }),
    )
    await open('log')
    const first = await screen.findByTestId('log-entry', {}, { timeout: 5000 })
    expect(first.textContent).toContain('Status changed from Triaged to Active.')

    await fireEvent.update(screen.getByTestId('log-add-text'), 'Services restored at 60 %.')
    await fireEvent.click(screen.getByLabelText('Public: the client sees this entry'))
    await fireEvent.click(screen.getByTestId('log-add-submit'))

    await waitFor(() => expect(screen.getAllByTestId('log-entry')).toHaveLength(2))
    expect(posted).toEqual({ kind: 'FACT', text: 'Services restored at 60 %.', public: true })
  }, 15_000)

  it('asks for the words before calling the API, and filters by public entries', async () => {
    workspace()
    const asked: string[] = []
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/log`, ({ request }) => {
        asked.push(new URL(request.url).search)
        return HttpResponse.json({ items: [entry()], next: null })
      }),
    )
    await open('log')
    await screen.findByTestId('log-entry', {}, { timeout: 5000 })
    await fireEvent.click(screen.getByTestId('log-add-submit'))
    await waitFor(() => expect(document.getElementById('log-add-text-error')?.textContent).toBeTruthy())

    await fireEvent.click(screen.getByLabelText('Public entries only'))
    await waitFor(() => expect(asked.at(-1)).toContain('publicOnly=true'))
  })

  it('shows the title of the message an entry links, and offers no message field when none is published', async () => {
    workspace()
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/log`, () =>
        HttpResponse.json({ items: [entry({ messageId: 'm1', messageTitle: 'Your data is safe' })], next: null }),
      ),
    )
    await open('log')
    expect((await screen.findByTestId('log-entry-message', {}, { timeout: 5000 })).textContent).toBe('Published message: “Your data is safe”')
    expect(screen.queryByTestId('log-add-message')).toBeNull()
  })
})

describe('Stakeholder map', () => {
  it('places stakeholders on the grid, lists the uninformed by power, keeps a proposal and marks one informed', async () => {
    workspace()
    let list = [
      stakeholder({ id: 'cnil', name: 'CNIL', group: 'REGULATOR', power: 5, interest: 2, quadrant: 'KEEP_SATISFIED' }),
      stakeholder(),
      stakeholder({ id: 'media', name: 'Media', group: 'MEDIA', proposed: true }),
    ]
    const patches: unknown[] = []
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/stakeholders`, () => HttpResponse.json(list)),
      http.patch('/api/v1/stakeholders/:id', async ({ params, request }) => {
        const body = (await request.json()) as Record<string, unknown>
        patches.push({ id: params.id, ...body })
        list = list.map((s) => (s.id === params.id ? { ...s, proposed: body.kept ? false : s.proposed, informed: Boolean(body.informed) || s.informed, informedAt: body.informed ? '2026-03-10T06:00:00Z' : s.informedAt } : s))
        return HttpResponse.json(list.find((s) => s.id === params.id))
      }),
    )
    await open('stakeholders')
    const grid = await screen.findByTestId('stakeholder-grid', {}, { timeout: 5000 })
    await waitFor(() => expect(within(grid).getAllByTestId('stakeholder-chip')).toHaveLength(2))
    expect(within(grid).getAllByTestId('stakeholder-chip').map((c) => c.dataset.stakeholder)).toEqual(expect.arrayContaining(['CNIL', 'Customers']))
    const todo = screen.getByTestId('sh-not-informed')
    expect(within(todo).getAllByRole('listitem').map((li) => li.textContent?.trim().split(' ')[0])).toEqual(['CNIL', 'Customers'])

    await fireEvent.click(screen.getByRole('button', { name: 'Keep: Media' }))
    await fireEvent.click(screen.getByRole('button', { name: 'Mark informed: Customers' }))
    await waitFor(() => expect(screen.queryByTestId('sh-todo-Customers')).toBeNull())
    expect(patches).toEqual([{ id: 'media', kept: true }, { id: 's1', informed: true }])
  })

  it('shows the map without the writing controls to a lawyer', async () => {
    workspace()
    server.use(http.get(`/api/v1/cases/${CASE_ID}/stakeholders`, () => HttpResponse.json([stakeholder()])))
    await open('stakeholders', lawyer)
    await screen.findByTestId('stakeholder-grid', {}, { timeout: 5000 })
    expect(screen.queryByTestId('sh-mark-informed')).toBeNull()
    expect(screen.queryByTestId('sh-add-submit')).toBeNull()
  })
})

describe('Rumour log', () => {
  it('debunks an open rumour with a public response, and shows the time it took', async () => {
    workspace()
    let list = [rumour()]
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/rumours`, () => HttpResponse.json(list)),
      http.post('/api/v1/rumours/r1/resolve', async ({ request }) => {
        const body = (await request.json()) as { status: 'DEBUNKED'; response: string; public: boolean }
        expect(body).toEqual({ status: 'DEBUNKED', response: 'Backups are intact.', public: true })
        list = [rumour({ status: 'DEBUNKED', responseText: body.response, minutesToDebunk: 125, resolvedAt: '2026-03-10T06:05:00Z' })]
        return HttpResponse.json(list[0])
      }),
    )
    await open('rumours')
    await screen.findByTestId('rumour-open', {}, { timeout: 5000 })
    await fireEvent.update(screen.getByTestId('rumour-r1-response'), 'Backups are intact.')
    await fireEvent.click(screen.getByTestId('rumour-r1-submit'))
    expect((await screen.findByTestId('rumour-debunk-time')).textContent).toContain('debunked in 2 h 05')
    expect(screen.queryByTestId('rumour-open')).toBeNull()
  })

  it('names the published message that answers it, offering the standing ones only, and shows its title', async () => {
    workspace()
    let list = [rumour()]
    let body: Record<string, unknown> = {}
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/published-messages`, () =>
        HttpResponse.json([
          { id: 'm-standing', title: 'Your data is safe', state: 'PUBLISHED' },
          { id: 'm-withdrawn', title: 'First statement', state: 'WITHDRAWN' },
        ]),
      ),
      http.get(`/api/v1/cases/${CASE_ID}/rumours`, () => HttpResponse.json(list)),
      http.post('/api/v1/rumours/r1/resolve', async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>
        list = [rumour({ status: 'DEBUNKED', responseText: 'Backups are intact.', minutesToDebunk: 5, messageId: 'm-standing', messageTitle: 'Your data is safe' })]
        return HttpResponse.json(list[0])
      }),
    )
    await open('rumours')
    await screen.findByTestId('rumour-r1-message', {}, { timeout: 5000 })
    await fireEvent.update(screen.getByTestId('rumour-r1-response'), 'Backups are intact.')
    await fireEvent.click(screen.getByTestId('rumour-r1-message'))
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Your data is safe']))
    await fireEvent.mouseDown(screen.getByRole('option'))
    await fireEvent.click(screen.getByTestId('rumour-r1-submit'))
    expect((await screen.findByTestId('rumour-message')).textContent).toBe('Published message: “Your data is safe”')
    expect(body).toEqual({ status: 'DEBUNKED', response: 'Backups are intact.', public: true, messageId: 'm-standing' })
  })

  it('shows the server\'s problem when the rumour was resolved meanwhile', async () => {
    workspace()
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/rumours`, () => HttpResponse.json([rumour()])),
      http.post('/api/v1/rumours/r1/resolve', () => problem(409, 'This rumour was already DEBUNKED.')),
    )
    await open('rumours')
    await screen.findByTestId('rumour-open', {}, { timeout: 5000 })
    await fireEvent.update(screen.getByTestId('rumour-r1-response'), 'x')
    await fireEvent.click(screen.getByTestId('rumour-r1-submit'))
    expect((await screen.findByTestId('rumour-r1-problem')).textContent).toContain('already DEBUNKED')
  })
})

describe('Search', () => {
  it('shows each hit with its case and the matched words marked, as text', async () => {
    const hits: SearchHit[] = [
      { caseId: CASE_ID, caseTitle: 'Incendie SBG-2', kind: 'LOG_ENTRY', id: 'e1', snippet: 'The <mark>fires</mark> were contained <b>now</b>' },
    ]
    let asked = ''
    server.use(
      http.get('/api/v1/search', ({ request }) => {
        asked = new URL(request.url).searchParams.get('q') ?? ''
        return HttpResponse.json({ items: hits, next: null })
      }),
    )
    installFakeAuth()
    await renderApp(consultant, { path: '/search?q=fire' })
    const snippet = await screen.findByTestId('search-snippet', {}, { timeout: 5000 })
    expect(asked).toBe('fire')
    expect(snippet.querySelector('mark')?.textContent).toBe('fires')
    expect(snippet.querySelector('b')).toBeNull()
    expect(snippet.textContent).toContain('<b>now</b>')
    expect(screen.getByRole('link', { name: 'Incendie SBG-2' })).toBeTruthy()
  })

  it('cuts snippets into marked and plain parts', () => {
    expect(snippetParts('a <mark>b</mark> c <mark>d')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
      { text: ' c <mark>d', match: false },
    ])
  })
})
