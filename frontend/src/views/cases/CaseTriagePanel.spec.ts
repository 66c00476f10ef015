import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { TriageProposal, TriageRequest } from '@/api/cases'
import { CASE_ID, caseView, proposal, staffDirectory, teamMember, triagedCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { consultant, lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer(
  http.get(`/api/v1/cases/${CASE_ID}/team`, () => HttpResponse.json([teamMember()])),
  http.get('/api/v1/directory/staff', () => HttpResponse.json(staffDirectory)),
)

/** What triage proposes once the consultant adds "bad buzz" to the data breach. */
const withBadBuzz: TriageProposal = {
  crisisTypes: ['DATA_BREACH', 'BAD_BUZZ'],
  cluster: 'VICTIM',
  severity: 4,
  kinetics: 'FAST',
  phase: 'HOT',
  workstreams: ['COMMUNICATION', 'LEGAL', 'REPUTATION'],
  clocks: [{ rule: 'GDPR_BREACH_NOTIFICATION', triggerAt: '2026-03-10T01:30:00Z' }],
  tasks: [
    { title: 'Log the rumours', workstream: 'REPUTATION', dueAt: '2026-03-10T03:00:27Z' },
    { title: 'Holding statement', workstream: 'COMMUNICATION' },
  ],
}

function proposals(): URLSearchParams[] {
  const asked: URLSearchParams[] = []
  server.use(
    http.get(`/api/v1/cases/${CASE_ID}`, () => HttpResponse.json(caseView())),
    http.get(`/api/v1/cases/${CASE_ID}/triage-proposal`, ({ request }) => {
      const query = new URL(request.url).searchParams
      asked.push(query)
      return HttpResponse.json(query.get('crisisTypes')?.includes('BAD_BUZZ') ? withBadBuzz : proposal)
    }),
  )
  return asked
}

async function openTriage() {
  installFakeAuth()
  const app = await renderApp(consultant, { path: `/cases/${CASE_ID}?tab=triage` })
  await screen.findByTestId('triage-form', {}, { timeout: 5000 })
  return app
}

const checkbox = (type: string) => screen.getByTestId(`triage-type-${type}`) as HTMLInputElement
const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement
const workstreamOrder = () => within(screen.getByTestId('triage-workstreams')).getAllByRole('listitem').map((li) => li.getAttribute('data-testid'))

describe('Triage of a new case', () => {
  it('loads triage’s proposal for the reported facts, in the user’s language', async () => {
    const asked = proposals()
    await openTriage()

    expect(asked).toHaveLength(1)
    expect(asked[0]?.get('crisisTypes')).toBeNull()
    expect(asked[0]?.get('lang')).toBe('en')
    expect(checkbox('DATA_BREACH').checked).toBe(true)
    expect(checkbox('BAD_BUZZ').checked).toBe(false)
    expect(screen.getByTestId('triage-severity').textContent).toContain('3 of 4')
    expect(screen.getByTestId('triage-cluster').textContent).toContain('Accidental')
    expect(screen.getByTestId('triage-kinetics').textContent).toContain('Fast (explosion)')
    expect(workstreamOrder()).toEqual(['triage-ws-LEGAL', 'triage-ws-COMMUNICATION'])
    expect(within(screen.getByTestId('triage-ws-LEGAL')).getByText('Lead')).toBeTruthy()
    expect(screen.getByTestId('triage-clock-rule-0').textContent).toContain('Data breach: notify the CNIL (72 hours)')
    expect(input('triage-task-title-0').value).toBe('Qualify the breach')
    expect(input('triage-task-title-1').value).toBe('Holding statement')
    expect(input('triage-task-due-1').value).toBe('')
  })

  it('asks again when the crisis types change, keeping the consultant’s choice, and confirms the adjusted triage', async () => {
    const asked = proposals()
    let posted: TriageRequest | null = null
    server.use(
      http.post(`/api/v1/cases/${CASE_ID}/triage`, async ({ request }) => {
        posted = (await request.json()) as TriageRequest
        return HttpResponse.json(triagedCase())
      }),
    )
    const { router } = await openTriage()

    await fireEvent.click(checkbox('BAD_BUZZ'))

    await waitFor(() => expect(input('triage-task-title-0').value).toBe('Log the rumours'))
    expect(asked).toHaveLength(2)
    expect(asked[1]?.get('crisisTypes')).toBe('DATA_BREACH,BAD_BUZZ')
    expect(asked[1]?.get('kinetics')).toBe('FAST')
    expect(checkbox('BAD_BUZZ').checked).toBe(true)
    expect(screen.getByTestId('triage-severity').textContent).toContain('4 of 4')
    expect(workstreamOrder()).toEqual(['triage-ws-COMMUNICATION', 'triage-ws-LEGAL', 'triage-ws-REPUTATION'])

    // the consultant adjusts: legal leads, reputation is not needed, a task is renamed, a clock is removed
    await fireEvent.click(screen.getByRole('button', { name: 'Move up Legal' }))
    await fireEvent.click(screen.getByTestId('triage-ws-remove-REPUTATION'))
    await fireEvent.update(input('triage-task-title-1'), 'Holding statement within the hour')
    await fireEvent.click(screen.getByTestId('triage-clock-remove-0'))
    await fireEvent.click(screen.getByTestId('triage-submit'))

    await waitFor(() => expect(posted).not.toBeNull())
    expect(posted).toEqual({
      crisisTypes: ['DATA_BREACH', 'BAD_BUZZ'],
      cluster: 'VICTIM',
      severity: 4,
      kinetics: 'FAST',
      phase: 'HOT',
      workstreams: ['LEGAL', 'COMMUNICATION'],
      clocks: [],
      tasks: [
        { title: 'Log the rumours', workstream: 'REPUTATION', dueAt: '2026-03-10T03:00:27Z' },
        { title: 'Holding statement within the hour', workstream: 'COMMUNICATION' },
      ],
    })
    await waitFor(() => expect(router.currentRoute.value.query.tab).toBe('team'))
    expect(await screen.findByTestId('team-member-consultant')).toBeTruthy()
    expect(screen.getByTestId('case-status').textContent).toBe('Triaged')
  })

  it('asks again when the kinetics change', async () => {
    const asked = proposals()
    await openTriage()

    await fireEvent.click(screen.getByTestId('triage-kinetics'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Slow (smouldering)' }))

    await waitFor(() => expect(asked).toHaveLength(2))
    expect(asked[1]?.get('kinetics')).toBe('SLOW')
    expect(asked[1]?.get('crisisTypes')).toBe('DATA_BREACH')
  })

  it('refuses an empty triage before calling the API, and shows the API’s refusal', async () => {
    proposals()
    let calls = 0
    server.use(
      http.post(`/api/v1/cases/${CASE_ID}/triage`, () => {
        calls++
        return problem(409, 'The case was triaged by someone else meanwhile.')
      }),
    )
    await openTriage()

    await fireEvent.click(checkbox('DATA_BREACH'))
    await fireEvent.click(screen.getByTestId('triage-submit'))
    expect(document.getElementById('triage-types-error')?.textContent).toBe('Choose at least one crisis type.')
    expect(calls).toBe(0)

    await fireEvent.click(checkbox('OUTAGE'))
    await waitFor(() => expect(screen.getByTestId('triage-loading').textContent).toBe(''))
    await fireEvent.click(screen.getByTestId('triage-submit'))

    expect((await screen.findByTestId('triage-problem')).textContent).toContain('The case was triaged by someone else meanwhile.')
    expect(calls).toBe(1)
  })

  it('is not offered to a lawyer', async () => {
    proposals()
    installFakeAuth()
    await renderApp(lawyer, { path: `/cases/${CASE_ID}?tab=triage` })

    expect(await screen.findByTestId('case-title', {}, { timeout: 5000 })).toBeTruthy()
    expect(screen.queryByTestId('case-tab-triage')).toBeNull()
    expect(screen.queryByTestId('triage-form')).toBeNull()
    expect(screen.getByTestId('case-facts')).toBeTruthy()
  })
})
