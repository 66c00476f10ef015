import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/vue'
import { CASE_ID, clientCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { client } from '@/test/fixtures'
import { publishedMessage } from '@/test/messageFixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const server = useMswServer(http.get('/api/v1/cases', () => HttpResponse.json({ items: [clientCase()], next: null })))

describe('Published messages in the client’s portal', () => {
  it('shows the frozen words with the time of publication, and a withdrawn one as withdrawn', async () => {
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/published-messages`, () =>
        HttpResponse.json([
          publishedMessage(),
          publishedMessage({
            id: 'm-old',
            state: 'WITHDRAWN',
            title: 'First statement',
            body: 'An incident is under way.',
            publishedAt: '2026-03-10T01:45:00Z',
            withdrawnAt: '2026-03-10T02:50:00Z',
          }),
        ]),
      ),
    )
    installFakeAuth('client')
    await renderApp(client, { path: '/portal' })

    const card = await screen.findByTestId(`portal-case-${CASE_ID}`)
    expect(within(card).getByRole('heading', { level: 4, name: 'Published messages' })).toBeTruthy()
    const [current, withdrawn] = await within(card).findAllByTestId('published-message')
    expect(within(current as HTMLElement).getByRole('heading', { name: 'Fire at our Strasbourg site' })).toBeTruthy()
    expect(current?.textContent).toContain('We are sorry for the trouble.')
    expect(current?.querySelector('strong')?.textContent).toBe('18:00')
    expect(current?.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-10T03:00:00Z')
    expect(within(current as HTMLElement).queryByTestId('published-withdrawn')).toBeNull()

    expect(within(withdrawn as HTMLElement).getByTestId('published-withdrawn').textContent).toBe('Withdrawn')
    expect(withdrawn?.textContent).toContain('Withdrawn on')
    expect(withdrawn?.textContent).toContain('An incident is under way.')
    // nothing of the review reaches the client
    expect(card.textContent).not.toContain('SHA-256')
    expect(card.querySelector('mark')).toBeNull()
  })

  it('says “Retiré” in French, and when nothing is published', async () => {
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/published-messages`, () =>
        HttpResponse.json([publishedMessage({ state: 'WITHDRAWN', withdrawnAt: '2026-03-10T04:00:00Z' })]),
      ),
    )
    installFakeAuth('client')
    await renderApp(client, { path: '/portal', locale: 'fr' })

    expect((await screen.findByTestId('published-withdrawn')).textContent).toBe('Retiré')
    expect(screen.getByTestId('published-message').textContent).toContain('Retiré le')
  })

  it('says when nothing is published yet', async () => {
    server.use(http.get(`/api/v1/cases/${CASE_ID}/published-messages`, () => HttpResponse.json([])))
    installFakeAuth('client')
    await renderApp(client, { path: '/portal' })

    expect((await screen.findByTestId('published-empty')).textContent).toBe('No message has been published yet.')
  })
})
