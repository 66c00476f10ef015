import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import { installFakeAuth } from '@/test/fakeAuth'
import { consultant, lawyer } from '@/test/fixtures'
import { template } from '@/test/messageFixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer()

const unapproved = template({
  id: 'holding-industrial-fr',
  crisisType: 'INDUSTRIAL_ACCIDENT',
  language: 'fr',
  title: 'Accident sur notre site : premières informations',
  body: 'Le {{date}}, un accident s’est produit sur notre site de {{place}}.',
  sha256: 'ab12'.padEnd(64, '9'),
  approved: false,
  approvedBy: null,
  approvedByName: null,
  approvedAt: null,
})

describe('Messages area: the template library', () => {
  it('shows each template’s words and hash, and lets a lawyer approve the words shown', async () => {
    let sent: unknown = null
    server.use(
      http.get('/api/v1/message-templates', () => HttpResponse.json([template(), unapproved])),
      http.post('/api/v1/message-templates/:id/approve', async ({ request, params }) => {
        sent = { id: params.id, body: await request.json() }
        return HttpResponse.json({ ...unapproved, approved: true, approvedBy: lawyer.subject, approvedByName: 'Louise Avocat', approvedAt: '2026-03-10T09:00:00Z' })
      }),
    )
    installFakeAuth()
    await renderApp(lawyer, { path: '/messages' })

    const cards = await screen.findAllByTestId('message-template')
    expect(cards).toHaveLength(2)
    expect(screen.getByRole('heading', { level: 2, name: 'French templates' })).toBeTruthy()
    const fr = cards.find((c) => c.getAttribute('data-template-id') === 'holding-industrial-fr') as HTMLElement
    expect(within(fr).getByTestId('template-words-holding-industrial-fr').textContent).toContain('{{place}}')
    expect(within(fr).getByTestId('template-state-holding-industrial-fr').textContent).toBe('Not approved')
    expect(within(fr).getByTestId('template-sha256-holding-industrial-fr').textContent).toBe(unapproved.sha256)
    // an approved template offers nothing more to approve
    expect(screen.queryByTestId('template-approve-holding-outage-en')).toBeNull()

    await fireEvent.click(within(fr).getByRole('button', { name: 'Approve these words: Accident sur notre site : premières informations' }))

    await waitFor(() => expect(within(fr).getByTestId('template-state-holding-industrial-fr').textContent).toBe('Approved'))
    expect(sent).toEqual({ id: 'holding-industrial-fr', body: { sha256: unapproved.sha256 } })
    expect(fr.textContent).toContain('Louise Avocat')
    expect(screen.queryByTestId('template-approve-holding-industrial-fr')).toBeNull()
  })

  it('shows a refusal and offers no approval to a consultant', async () => {
    server.use(
      http.get('/api/v1/message-templates', () => HttpResponse.json([unapproved])),
      http.post('/api/v1/message-templates/:id/approve', () => problem(409, 'The hash given is not the hash of this template’s words.')),
    )
    installFakeAuth()
    const { unmount } = await renderApp(consultant, { path: '/messages' })
    await screen.findByTestId('message-template')
    expect(screen.queryByTestId('template-approve-holding-industrial-fr')).toBeNull()
    unmount()

    installFakeAuth()
    await renderApp(lawyer, { path: '/messages' })
    await fireEvent.click(await screen.findByTestId('template-approve-holding-industrial-fr'))
    expect((await screen.findByTestId('template-problem')).textContent).toContain('not the hash of this template’s words')
  })
})
