import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { NewCase } from '@/api/cases'
import { CASE_ID, clientCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { client } from '@/test/fixtures'
import { noPublishedMessages } from '@/test/messageFixtures'
import { noPublicLog } from '@/test/engagementFixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const server = useMswServer(noPublishedMessages, noPublicLog)

/** A list as a careless API might send it: internal fields next to the client's. None may reach the page. */
function listingWithInternals() {
  const received = {
    ...clientCase({ id: 'c-received', title: 'Rumour on X', status: 'NEW', phase: null, workstreams: [] }),
    summary: 'INTERNAL summary of the consultant',
    severity: 4,
    crisisTypes: ['BAD_BUZZ'],
    tenantName: 'Helio Cloud',
  }
  const active = {
    ...clientCase(),
    reportedByName: 'INTERNAL reporter',
    workstreams: [
      { workstream: 'LEGAL', status: 'ACTIVE', tasksDone: 1, tasksTotal: 4, leadName: 'INTERNAL lead' },
      { workstream: 'COMMUNICATION', status: 'DONE', tasksDone: 3, tasksTotal: 3 },
    ],
    team: [{ name: 'INTERNAL member' }],
  }
  server.use(http.get('/api/v1/cases', () => HttpResponse.json({ items: [active, received], next: null })))
}

describe('Client portal', () => {
  it('lists the company’s cases with status, phase and workstream progress, and nothing internal', async () => {
    listingWithInternals()
    installFakeAuth()
    await renderApp(client, { path: '/portal' })

    const active = await screen.findByTestId(`portal-case-${CASE_ID}`)
    expect(within(active).getByRole('heading', { name: 'Data centre fire in Strasbourg' })).toBeTruthy()
    expect(active.textContent).toContain('In progress')
    expect(active.textContent).toContain('Hot crisis')
    const legal = within(active).getByTestId('portal-workstream-LEGAL')
    expect(legal.textContent).toContain('Legal')
    expect(legal.textContent).toContain('1 of 4 tasks done')
    const bar = within(legal).getByRole('progressbar', { name: 'Progress of Legal' })
    expect(bar.getAttribute('aria-valuenow')).toBe('25')
    expect(within(active).getByTestId('portal-workstream-COMMUNICATION').textContent).toContain('3 of 3 tasks done')

    const received = screen.getByTestId('portal-case-c-received')
    expect(received.textContent).toContain('Received')
    expect(received.textContent).not.toContain('New')
    expect(received.textContent).toContain('The task force is organising its response.')

    expect(document.body.textContent).not.toContain('INTERNAL')
    expect(document.body.textContent).not.toContain('Severity')
  })

  it('says “Reçu” in French', async () => {
    listingWithInternals()
    installFakeAuth()
    await renderApp(client, { path: '/portal', locale: 'fr' })

    expect((await screen.findByTestId('portal-case-c-received')).textContent).toContain('Reçu')
    expect(screen.getByTestId(`portal-case-${CASE_ID}`).textContent).toContain('Tâches terminées : 1 sur 4')
  })

  it('reports an incident without choosing a company, then shows the cases again', async () => {
    server.use(http.get('/api/v1/cases', () => HttpResponse.json({ items: [], next: null })))
    let posted: NewCase | null = null
    server.use(
      http.post('/api/v1/cases', async ({ request }) => {
        posted = (await request.json()) as NewCase
        return HttpResponse.json(clientCase({ status: 'NEW', title: 'Leak of customer files' }), { status: 201 })
      }),
    )
    installFakeAuth()
    const { router } = await renderApp(client, { path: '/portal' })
    expect(await screen.findByTestId('portal-empty')).toBeTruthy()

    await fireEvent.click(screen.getByTestId('portal-report'))
    await fireEvent.update(await screen.findByLabelText('Title', {}, { timeout: 5000 }), 'Leak of customer files')
    expect(screen.queryByTestId('case-new-tenant')).toBeNull()
    await fireEvent.update(screen.getByLabelText('What happened'), 'Files are on a forum.')
    await fireEvent.click(screen.getByLabelText('Personal data may have been lost, leaked or made unavailable'))
    await fireEvent.click(screen.getByTestId('case-report-submit'))

    await waitFor(() => expect(router.currentRoute.value.name).toBe('portal'))
    expect(posted).toEqual({ title: 'Leak of customer files', summary: 'Files are on a forum.', personalData: true, hostilePublications: false })
    expect(await screen.findByText(/Your report “Leak of customer files” is received/)).toBeTruthy()
  })
})
