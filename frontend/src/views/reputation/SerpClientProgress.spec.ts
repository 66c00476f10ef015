import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, within } from '@testing-library/vue'
import type { Locale } from '@/i18n'
import { CASE_ID, clientCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { client } from '@/test/fixtures'
import { noPublishedMessages } from '@/test/messageFixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

/** The client's portal card shows the search-result progress of the case (SerpClientProgress), nothing internal. */
const server = useMswServer(
  noPublishedMessages,
  http.get('/api/v1/cases', () => HttpResponse.json({ items: [clientCase()], next: null })),
)

function metrics(inCrisis: boolean) {
  return {
    queries: [{ query: 'helio cloud incendie', queryId: 'q-1', engine: 'google', locale: 'fr-FR', targetDate: null, pageOneCleanSince: null,
      snapshots: [
        { date: '2026-03-02', negativesTop10: 3, negativesTop20: 4, ownedShareTop10: 0.2, inCrisis: true, negativeVisibility: 0.6 },
        { date: '2026-03-09', negativesTop10: 1, negativesTop20: 2, ownedShareTop10: 0.6, inCrisis, negativeVisibility: 0.1 },
      ] }],
    caseTrend: [],
  }
}

/** What a careless API might send: a note. The page must not show it. */
const progress = [{ id: 'a-1', kind: 'DELISTING', title: 'Déréférencement', status: 'SUBMITTED', submittedOn: '2026-03-03',
  answerDueOn: '2026-04-03', urls: [], note: 'INTERNAL note' }]

async function open(inCrisis: boolean, locale: Locale = 'en') {
  server.use(
    http.get(`/api/v1/cases/${CASE_ID}/serp-metrics`, () => HttpResponse.json(metrics(inCrisis))),
    http.get(`/api/v1/cases/${CASE_ID}/cleanup-progress`, () => HttpResponse.json(progress)),
  )
  installFakeAuth()
  await renderApp(client, { path: '/portal', locale })
  return screen.findByTestId('serp-client-progress', {}, { timeout: 8000 })
}

describe('Portal: search-result progress', { timeout: 15000 }, () => {
  it('shows the trend of negatives and owned share, the out-of-crisis indicator and the actions’ kinds and states', async () => {
    const section = await open(false)

    expect(within(section).getByTestId('serp-crisis-indicator').textContent).toContain('Out of crisis')
    const table = within(section).getByRole('table', { name: 'Trend: helio cloud incendie' })
    expect(within(table).getAllByRole('row')).toHaveLength(3)
    expect(table.textContent).toContain('60')
    const actions = within(section).getByTestId('serp-client-actions')
    expect(actions.textContent).toContain('De-listing request (GDPR art. 17)')
    expect(actions.textContent).toContain('Submitted')
    expect(section.textContent).not.toContain('INTERNAL')
  })

  it('says so while third parties still dominate page one', async () => {
    const section = await open(true)

    expect(within(section).getByTestId('serp-crisis-indicator').textContent).toContain('In crisis')
  })
})

describe('Portal: search-result progress dates', { timeout: 15000 }, () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  function rowDates(section: HTMLElement, name: string): { shown: string; datetime: string | null }[] {
    const table = within(section).getByRole('table', { name })
    return within(table).getAllByRole('rowheader').map((r) => ({
      shown: r.textContent?.trim() ?? '', datetime: r.querySelector('time')?.getAttribute('datetime') ?? null }))
  }

  it('in English, each snapshot’s day and the answer’s due date, with their calendar dates', async () => {
    const section = await open(false)

    expect(rowDates(section, 'Trend: helio cloud incendie')).toEqual([
      { shown: 'Mar 2, 2026', datetime: '2026-03-02' }, { shown: 'Mar 9, 2026', datetime: '2026-03-09' }])
    const due = within(section).getByTestId('serp-client-due')
    expect(due.textContent?.replace(/\s+/g, ' ').trim()).toBe('(Answer due by Apr 3, 2026)')
    expect(due.querySelector('time')?.getAttribute('datetime')).toBe('2026-04-03')
  })

  it('in French', async () => {
    const section = await open(false, 'fr')

    expect(rowDates(section, 'Tendance : helio cloud incendie').map((d) => d.shown)).toEqual(['2 mars 2026', '9 mars 2026'])
    expect(within(section).getByTestId('serp-client-due').textContent?.replace(/\s+/g, ' ').trim())
      .toBe('(Réponse attendue avant le 3 avr. 2026)')
  })

  it('in Los Angeles, the client still sees the snapshot of 2 March as 2 March', async () => {
    vi.stubEnv('TZ', 'America/Los_Angeles')
    const section = await open(false)

    expect(rowDates(section, 'Trend: helio cloud incendie').map((d) => d.shown)).toEqual(['Mar 2, 2026', 'Mar 9, 2026'])
  })
})
