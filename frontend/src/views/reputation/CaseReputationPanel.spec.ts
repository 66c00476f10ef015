import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { Me } from '@/api/me'
import type { Locale } from '@/i18n'
import type { ActionView, MetricsView, QueryView } from '@/api/reputation'
import { CASE_ID, triagedCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { consultant } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const specialist: Me = { ...consultant, username: 'reputation', roles: ['reputation_specialist'] }
const ARTICLE = 'https://presse.example/helio-incendie'

function query(): QueryView {
  return {
    id: 'q-1', query: 'helio cloud incendie', engine: 'google', locale: 'fr-FR', targetDate: '2026-06-30', snapshotCount: 2,
    pageOneCleanSince: null,
    latest: {
      id: 's-2', date: '2026-03-09', source: 'IMPORT', previousDate: '2026-03-02',
      metrics: { negativesTop10: 1, negativesTop20: 1, ownedShareTop10: 0.5, inCrisis: false, negativeVisibility: 0.2 },
      results: [
        { position: 1, url: 'https://helio.example/communique', domain: 'helio.example', title: 'Notre communiqué', ownership: 'OWNED', tone: 'NEUTRAL', previousPosition: 3 },
        { position: 2, url: ARTICLE, domain: 'presse.example', title: 'Incendie chez Helio', ownership: 'THIRD_PARTY', tone: 'NEGATIVE', previousPosition: 1 },
        { position: 3, url: 'https://forum.example/t/1', domain: 'forum.example', title: 'Forum', ownership: null, tone: null, previousPosition: null },
      ],
    },
  }
}

const metrics: MetricsView = {
  queries: [{ query: 'helio cloud incendie', queryId: 'q-1', engine: 'google', locale: 'fr-FR', targetDate: null, pageOneCleanSince: null,
    snapshots: [
      { date: '2026-03-02', negativesTop10: 2, negativesTop20: 2, ownedShareTop10: 0.1, inCrisis: true, negativeVisibility: 0.4761 },
      { date: '2026-03-09', negativesTop10: 1, negativesTop20: 1, ownedShareTop10: 0.5, inCrisis: false, negativeVisibility: 0.2 },
    ] }],
  caseTrend: [],
}

function action(overrides: Partial<ActionView> = {}): ActionView {
  return {
    id: 'a-1', kind: 'DELISTING', title: 'Déréférencement de l’article', status: 'SUBMITTED', note: 'Contact chez Google',
    urls: [{ url: ARTICLE, positionThen: 1, positionNow: 2, leftTop10: false, leftTop20: false }],
    submittedOn: '2026-03-03', answerDueOn: '2026-04-03', nextStatuses: ['ACCEPTED', 'REJECTED'],
    createdAt: '2026-03-03T08:00:00Z', updatedAt: '2026-03-03T08:00:00Z', ...overrides,
  }
}

const server = useMswServer(
  http.get(`/api/v1/cases/${CASE_ID}`, () => HttpResponse.json(triagedCase())),
  http.get(`/api/v1/cases/${CASE_ID}/serp-queries`, () => HttpResponse.json([query()])),
  http.get(`/api/v1/cases/${CASE_ID}/serp-metrics`, () => HttpResponse.json(metrics)),
  http.get(`/api/v1/cases/${CASE_ID}/cleanup-actions`, () => HttpResponse.json([action()])),
)

async function openTab(me: Me = specialist, locale: Locale = 'en') {
  installFakeAuth()
  const app = await renderApp(me, { path: `/cases/${CASE_ID}?tab=reputation`, locale })
  await screen.findByTestId('case-reputation', {}, { timeout: 5000 })
  return app
}

describe('Case reputation: the specialist’s view', { timeout: 15000 }, () => {
  it('shows the latest top 20 with position changes, what is left to classify, the trend as a table, and the actions', async () => {
    await openTab()

    expect(screen.getByTestId('case-tab-reputation').textContent).toBe('Search results')
    const table = await screen.findByTestId('serp-results')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows[0]?.textContent).toContain('up 2')
    expect(rows[1]?.textContent).toContain('down 1')
    expect(rows[2]?.textContent).toContain('new')
    expect(rows[1]?.className).toContain('serp-tone-negative')
    expect(screen.getByTestId('serp-unclassified').textContent).toContain('1 result(s) to classify')
    // the chart's figures for screen readers
    expect(screen.getByRole('table', { name: 'Trend: helio cloud incendie' }).textContent).toContain('47.6')
    const delisting = screen.getByTestId('cleanup-a-1')
    expect(within(delisting).getByTestId('cleanup-due').textContent).toContain('Answer due by Apr 3, 2026')
    expect(delisting.textContent).toContain('still in the top 10 (#2)')
    expect(delisting.textContent).toContain('Contact chez Google')
  })

  it('classifies a result: ownership and tone sent for its URL', async () => {
    let sent: unknown = null
    server.use(http.put(`/api/v1/cases/${CASE_ID}/serp-classifications`, async ({ request }) => {
      sent = await request.json()
      return HttpResponse.json({ url: 'https://forum.example/t/1', ownership: 'THIRD_PARTY', tone: 'NEGATIVE', resultsUpdated: 1 })
    }))
    await openTab()

    await fireEvent.click(await screen.findByRole('combobox', { name: 'Ownership 3' }))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Third party' }))
    await fireEvent.click(screen.getByRole('combobox', { name: 'Tone 3' }))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Negative' }))
    await fireEvent.click(screen.getByTestId('classify-3'))

    await waitFor(() => expect(sent).toEqual({ url: 'https://forum.example/t/1', ownership: 'THIRD_PARTY', tone: 'NEGATIVE' }))
  })

  it('a consultant reads without import, classification or action forms', async () => {
    await openTab(consultant)

    await screen.findByTestId('serp-results')
    expect(screen.queryByTestId('serp-import')).toBeNull()
    expect(screen.queryByTestId('classify-3')).toBeNull()
    expect(screen.queryByTestId('cleanup-form')).toBeNull()
  })

  it('logs a de-listing request with its targeted URL', async () => {
    let sent: unknown = null
    server.use(http.post(`/api/v1/cases/${CASE_ID}/cleanup-actions`, async ({ request }) => {
      sent = await request.json()
      return HttpResponse.json(action({ id: 'a-2', status: 'PLANNED' }), { status: 201 })
    }))
    await openTab()

    await fireEvent.update(await screen.findByLabelText('Title'), 'Déréférencement du forum')
    await fireEvent.update(screen.getByLabelText('Targeted URLs (one per line)'), 'https://forum.example/t/1\n')
    await fireEvent.click(screen.getByTestId('cleanup-create'))

    await waitFor(() => expect(sent).toEqual({ kind: 'DELISTING', title: 'Déréférencement du forum',
      urls: ['https://forum.example/t/1'], note: '' }))
  })
})

describe('Case reputation: a top 20 typed by hand', { timeout: 15000 }, () => {
  it('pasting a column of URLs fills the rows below, and the snapshot is sent with their positions', async () => {
    let sent: unknown = null
    server.use(http.post(`/api/v1/cases/${CASE_ID}/serp-snapshots`, async ({ request }) => {
      sent = await request.json()
      return HttpResponse.json({}, { status: 201 })
    }))
    await openTab()

    const form = await screen.findByTestId('serp-entry')
    await fireEvent.click(within(form).getByTestId('serp-entry-query'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'helio cloud incendie (fr-FR)', hidden: true }))
    await fireEvent.update(within(form).getByLabelText('Date'), '2026-03-16')
    const first = within(form).getByLabelText('URL 1')
    const paste = new Event('paste', { bubbles: true, cancelable: true })
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => 'https://a.example/\nhttps://b.example/\n' } })
    await fireEvent(first, paste)
    expect((within(form).getByLabelText('URL 2') as HTMLInputElement).value).toBe('https://b.example/')
    await fireEvent.update(within(form).getByLabelText('Result 2'), 'B')
    await fireEvent.submit(form)

    await waitFor(() => expect(sent).toEqual({ queryId: 'q-1', date: '2026-03-16', results: [
      { position: 1, url: 'https://a.example/', title: '' }, { position: 2, url: 'https://b.example/', title: 'B' }] }))
  })
})

describe('Case reputation: the target date', { timeout: 15000 }, () => {
  it('the specialist sets the date page one should be clean by', async () => {
    let sent: unknown = null
    server.use(http.put(`/api/v1/cases/${CASE_ID}/serp-queries/q-1/target`, async ({ request }) => {
      sent = await request.json()
      return HttpResponse.json(query())
    }))
    await openTab()

    await fireEvent.update(await screen.findByTestId('serp-target-q-1'), '2026-06-30')
    await fireEvent.submit((screen.getByTestId('serp-target-q-1') as HTMLInputElement).form as HTMLFormElement)

    await waitFor(() => expect(sent).toEqual({ targetDate: '2026-06-30' }))
  })
})

/** The `<time>` inside an element: the date shown, and the calendar date it stands for. */
function timeIn(element: HTMLElement): { shown: string; datetime: string | null } {
  const time = element.querySelector('time')
  return { shown: element.textContent?.replace(/\s+/g, ' ').trim() ?? '', datetime: time?.getAttribute('datetime') ?? null }
}

describe('Case reputation: dates as calendar days in the user’s language', { timeout: 15000 }, () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('in English: the snapshot’s day, the target, the chart’s rows, when an action was sent and its answer is due', async () => {
    await openTab()

    expect(timeIn(await screen.findByTestId('serp-latest-q-1'))).toEqual({ shown: 'Top 20 on Mar 9, 2026', datetime: '2026-03-09' })
    expect(timeIn(screen.getByTestId('serp-target-date'))).toEqual({ shown: 'Target: Jun 30, 2026', datetime: '2026-06-30' })
    const rows = within(screen.getByRole('table', { name: 'Trend: helio cloud incendie' })).getAllByRole('rowheader')
    expect(rows.map(timeIn)).toEqual([{ shown: 'Mar 2, 2026', datetime: '2026-03-02' }, { shown: 'Mar 9, 2026', datetime: '2026-03-09' }])
    expect(timeIn(screen.getByTestId('cleanup-submitted'))).toEqual({ shown: 'Sent on Mar 3, 2026', datetime: '2026-03-03' })
    expect(timeIn(screen.getByTestId('cleanup-due'))).toEqual({ shown: 'Answer due by Apr 3, 2026', datetime: '2026-04-03' })
  })

  it('in French', async () => {
    await openTab(specialist, 'fr')

    expect(timeIn(await screen.findByTestId('serp-latest-q-1')).shown).toBe('Top 20 du 9 mars 2026')
    expect(timeIn(screen.getByTestId('serp-target-date')).shown).toBe('Objectif : 30 juin 2026')
    const rows = within(screen.getByRole('table', { name: 'Tendance : helio cloud incendie' })).getAllByRole('rowheader')
    expect(rows.map((r) => timeIn(r).shown)).toEqual(['2 mars 2026', '9 mars 2026'])
    expect(timeIn(screen.getByTestId('cleanup-submitted')).shown).toBe('Envoyée le 3 mars 2026')
    expect(timeIn(screen.getByTestId('cleanup-due')).shown).toBe('Réponse attendue avant le 3 avr. 2026')
  })

  it('eleven hours west of Greenwich, a snapshot of 9 March still shows as 9 March', async () => {
    vi.stubEnv('TZ', 'Pacific/Pago_Pago')
    await openTab()

    expect(timeIn(await screen.findByTestId('serp-latest-q-1')).shown).toBe('Top 20 on Mar 9, 2026')
    expect(timeIn(screen.getByTestId('cleanup-due')).shown).toBe('Answer due by Apr 3, 2026')
  })
})
