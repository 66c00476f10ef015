import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/vue'
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

async function open(inCrisis: boolean) {
  server.use(
    http.get(`/api/v1/cases/${CASE_ID}/serp-metrics`, () => HttpResponse.json(metrics(inCrisis))),
    http.get(`/api/v1/cases/${CASE_ID}/cleanup-progress`, () => HttpResponse.json(progress)),
  )
  installFakeAuth()
  await renderApp(client, { path: '/portal' })
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
