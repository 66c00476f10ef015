import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { CreatedWebhook, NewWebhook, Webhook, WebhookDelivery } from '@/api/webhooks'
import { axeViolations } from '@/test/axe'
import { installFakeAuth } from '@/test/fakeAuth'
import { admin, helio } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer()

const active: Webhook = {
  id: '9b000000-0000-4000-8000-000000000001',
  owner: 'TENANT',
  tenantId: helio.id,
  tenantName: 'Helio Cloud',
  firm: null,
  url: 'https://hooks.helio.example/taskforce',
  events: ['case.reported'],
  active: true,
  disabledAt: null,
  disabledReason: null,
  consecutiveFailures: 0,
  createdAt: '2026-03-10T09:00:00Z',
  lastDelivery: { at: '2026-03-11T09:00:00Z', statusCode: 200, error: null },
}

const disabled: Webhook = {
  ...active,
  id: '9b000000-0000-4000-8000-000000000002',
  owner: 'FIRM',
  tenantId: null,
  tenantName: null,
  firm: 'LEGAL',
  url: 'https://legal.example/in',
  active: false,
  disabledAt: '2026-03-12T10:00:00Z',
  disabledReason: '10 consecutive failed deliveries, the last: HTTP 500',
  consecutiveFailures: 10,
  lastDelivery: { at: '2026-03-12T10:00:00Z', statusCode: 500, error: null },
}

function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'd0000000-0000-4000-8000-000000000001',
    event: 'webhook.test',
    status: 'SENT',
    attempts: 1,
    createdAt: '2026-03-11T09:00:00Z',
    sentAt: '2026-03-11T09:00:01Z',
    nextAttemptAt: null,
    log: [{ at: '2026-03-11T09:00:01Z', statusCode: 200, error: null, durationMs: 42 }],
    ...overrides,
  }
}

function backend(webhooks: Webhook[], deliveries: WebhookDelivery[] = []) {
  server.use(
    http.get('/api/v1/webhooks', () => HttpResponse.json({ items: webhooks, next: null })),
    http.get('/api/v1/tenants', () => HttpResponse.json({ items: [helio], next: null })),
    http.get('/api/v1/webhooks/:id/deliveries', () => HttpResponse.json({ items: deliveries, next: null })),
  )
}

async function openWebhooks(locale: 'en' | 'fr' = 'en') {
  installFakeAuth()
  const app = await renderApp(admin, { path: '/admin/webhooks', locale })
  await screen.findByTestId(`webhook-row-${active.id}`)
  return app
}

describe('Administration: webhooks', () => {
  it('lists the webhooks: URL, receiver, events, state with the reason it was disabled, last delivery', async () => {
    backend([active, disabled])
    await openWebhooks()

    const first = screen.getByTestId(`webhook-row-${active.id}`)
    expect(first.textContent).toContain('https://hooks.helio.example/taskforce')
    expect(first.textContent).toContain('Helio Cloud')
    expect(first.textContent).toContain('case.reported')
    expect(first.textContent).toContain('Active')
    expect(first.textContent).toContain('HTTP 200')
    const second = screen.getByTestId(`webhook-row-${disabled.id}`)
    expect(second.textContent).toContain('Firm: Legal')
    expect(second.textContent).toContain('Disabled')
    expect(second.textContent).toContain('HTTP 500')
    expect(screen.getByTestId(`webhook-disabled-${disabled.id}`).textContent).toContain('10 consecutive failed deliveries')
    expect(within(second).getByRole('button', { name: 'Enable https://legal.example/in' })).toBeTruthy()
    expect(within(first).getByRole('button', { name: 'Send test to https://hooks.helio.example/taskforce' })).toBeTruthy()
    expect(await axeViolations()).toEqual([])
  })

  it('creates a webhook and shows its secret once, with a warning and a copy button', async () => {
    backend([])
    let posted: NewWebhook | null = null
    const created: CreatedWebhook = { webhook: active, secret: 'c2VjcmV0LXNob3duLW9uY2Utb25seS1mb3ItdGhpcy1zcGVj' }
    server.use(
      http.post('/api/v1/webhooks', async ({ request }) => {
        posted = (await request.json()) as NewWebhook
        return HttpResponse.json(created, { status: 201 })
      }),
    )
    installFakeAuth()
    await renderApp(admin, { path: '/admin/webhooks' })
    await screen.findByText('No webhook yet.')

    await fireEvent.click(screen.getByTestId('webhook-create-owner'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Helio Cloud' }))
    await fireEvent.update(screen.getByTestId('webhook-create-url'), ' https://hooks.helio.example/taskforce ')
    await fireEvent.click(screen.getByTestId('webhook-create-event-case.status_changed'))
    await fireEvent.click(screen.getByTestId('webhook-create-submit'))

    expect((await screen.findByTestId('webhook-secret')).textContent).toBe(created.secret)
    expect(screen.getByTestId('webhook-secret-warning').textContent).toContain('shown only once')
    expect(screen.getByRole('button', { name: 'Copy the secret' })).toBeTruthy()
    expect(posted).toEqual({
      tenantId: helio.id,
      firm: null,
      url: 'https://hooks.helio.example/taskforce',
      events: ['case.reported', 'case.status_changed'],
    })
    expect(await axeViolations()).toEqual([])

    await fireEvent.click(screen.getByTestId('webhook-secret-done'))
    await waitFor(() => expect(screen.queryByTestId('webhook-secret')).toBeNull())
    expect(screen.getByTestId(`webhook-row-${active.id}`).textContent).not.toContain(created.secret)
  })

  it('shows the API problem naming the field, and checks the form before sending', async () => {
    backend([active])
    server.use(http.post('/api/v1/webhooks', () => problem(400, 'url: must use https.', [{ field: 'url', message: 'must use https.' }])))
    await openWebhooks()

    await fireEvent.click(screen.getByTestId('webhook-create-submit'))
    expect(document.getElementById('webhook-create-owner-error')?.textContent).toBe('Required.')

    await fireEvent.click(screen.getByTestId('webhook-create-owner'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Firm: Legal' }))
    await fireEvent.update(screen.getByTestId('webhook-create-url'), 'http://hooks.example/in')
    await fireEvent.click(screen.getByTestId('webhook-create-submit'))

    expect((await screen.findByTestId('webhook-create-problem')).textContent).toContain('url: must use https.')
    expect(document.getElementById('webhook-create-url-error')?.textContent).toContain('must use https.')
  })

  it('sends a test and shows it in the delivery log, following it until the receiver has answered', async () => {
    const sent: string[] = []
    let reads = 0
    backend([active])
    server.use(
      http.get('/api/v1/webhooks/:id/deliveries', () => {
        reads++
        const waiting = delivery({ status: 'PENDING', log: [], sentAt: null })
        return HttpResponse.json({ items: [reads < 2 ? waiting : delivery()], next: null })
      }),
      http.post('/api/v1/webhooks/:id/test', ({ params }) => {
        sent.push(params.id as string)
        return HttpResponse.json(delivery({ status: 'PENDING', log: [], sentAt: null }), { status: 202 })
      }),
    )
    await openWebhooks()

    await fireEvent.click(screen.getByTestId(`webhook-test-${active.id}`))

    const row = await screen.findByTestId('delivery-row-d0000000-0000-4000-8000-000000000001')
    expect(sent).toEqual([active.id])
    expect(row.textContent).toContain('webhook.test')
    expect(screen.getByTestId('delivery-status-d0000000-0000-4000-8000-000000000001').textContent).toBe('Waiting')
    await waitFor(
      () => expect(screen.getByTestId('delivery-status-d0000000-0000-4000-8000-000000000001').textContent).toBe('Delivered'),
      { timeout: 3000 },
    )
    expect(screen.getByTestId('delivery-status-d0000000-0000-4000-8000-000000000001').getAttribute('data-status')).toBe('SENT')
    expect(reads).toBe(2)
    expect(screen.getByTestId('delivery-attempts-d0000000-0000-4000-8000-000000000001').textContent).toContain('HTTP 200')
    expect(row.textContent).toContain('42 ms')
    expect(screen.getByRole('table', { name: `Delivery log of ${active.url}` })).toBeTruthy()
    expect(await axeViolations()).toEqual([])
  })

  it('enables a disabled webhook, and deletes one after confirming', async () => {
    backend([active, disabled])
    let deleted: string | null = null
    server.use(
      http.post('/api/v1/webhooks/:id/enable', () =>
        HttpResponse.json({ ...disabled, active: true, disabledAt: null, disabledReason: null, consecutiveFailures: 0 }),
      ),
      http.delete('/api/v1/webhooks/:id', ({ params }) => {
        deleted = params.id as string
        return new HttpResponse(null, { status: 204 })
      }),
    )
    await openWebhooks()

    await fireEvent.click(screen.getByTestId(`webhook-enable-${disabled.id}`))
    await waitFor(() => expect(screen.getByTestId(`webhook-state-${disabled.id}`).textContent).toContain('Active'))

    server.use(http.get('/api/v1/webhooks', () => HttpResponse.json({ items: [disabled], next: null })))
    await fireEvent.click(screen.getByTestId(`webhook-delete-${active.id}`))
    await fireEvent.click(await screen.findByTestId('confirm-accept'))
    await waitFor(() => expect(screen.queryByTestId(`webhook-row-${active.id}`)).toBeNull())
    expect(deleted).toBe(active.id)
  })

  it('speaks French', async () => {
    backend([active, disabled])
    await openWebhooks('fr')

    expect(screen.getByRole('button', { name: 'Réactiver https://legal.example/in' })).toBeTruthy()
    expect(screen.getByTestId(`webhook-row-${disabled.id}`).textContent).toContain('Cabinet : Juridique')
    expect(screen.getByTestId(`webhook-row-${disabled.id}`).textContent).toContain('Désactivé')
    expect(screen.getByLabelText('Destinataire')).toBeTruthy()
    expect(await axeViolations()).toEqual([])
  })
})
