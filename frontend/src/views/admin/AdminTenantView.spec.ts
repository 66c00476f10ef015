import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { NewUser, User } from '@/api/users'
import { installFakeAuth } from '@/test/fakeAuth'
import { admin, clientUser, helio } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer()

function tenantWithUsers(users: User[]) {
  server.use(
    http.get(`/api/v1/tenants/${helio.id}`, () => HttpResponse.json(helio)),
    http.get(`/api/v1/tenants/${helio.id}/users`, () => HttpResponse.json({ items: users, next: null })),
  )
}

async function openTenant() {
  installFakeAuth()
  const app = await renderApp(admin, { path: `/admin/tenants/${helio.id}` })
  await screen.findByRole('heading', { name: 'Helio Cloud' })
  return app
}

async function fillInvite(email: string, firstName: string, lastName: string) {
  await fireEvent.update(screen.getByLabelText('E-mail'), email)
  await fireEvent.update(screen.getByLabelText('First name'), firstName)
  await fireEvent.update(screen.getByLabelText('Last name'), lastName)
  await fireEvent.click(screen.getByTestId('invite-submit'))
}

describe('Administration: one company', () => {
  it('shows the tenant and its users', async () => {
    tenantWithUsers([clientUser()])
    await openTenant()

    expect(screen.getByTestId('tenant-header').textContent).toContain('helio-cloud')
    const row = await screen.findByTestId('user-row-claire.client')
    expect(row.textContent).toContain('Claire Client')
    expect(row.textContent).toContain('claire@helio.example')
    expect(screen.getByRole('table', { name: 'Users of Helio Cloud' })).toBeTruthy()
    expect(screen.queryByTestId('invite-role')).toBeNull()
  })

  it('invites a client: no password anywhere, the notice says the invitation was sent', async () => {
    tenantWithUsers([])
    let posted: NewUser | null = null
    const pending = { status: 'PENDING', requestedAt: '2026-03-12T09:00:00Z', sentAt: null, failedAt: null, attempts: 0, lastError: null } as const
    const invited = clientUser({ id: '7b000000-0000-4000-8000-000000000002', username: 'paul.martin', email: 'paul@helio.example', firstName: 'Paul', lastName: 'Martin', invitation: pending })
    server.use(
      http.post(`/api/v1/tenants/${helio.id}/users`, async ({ request }) => {
        posted = (await request.json()) as NewUser
        return HttpResponse.json(invited, { status: 201 })
      }),
      http.get(`/api/v1/users/${invited.id}/invitation`, () =>
        HttpResponse.json({ ...pending, status: 'SENT', sentAt: '2026-03-12T09:00:01Z', attempts: 1 }),
      ),
    )
    await openTenant()

    await fillInvite(' paul@helio.example ', 'Paul', 'Martin')

    expect(await screen.findByTestId('user-row-paul.martin')).toBeTruthy()
    expect(posted).toEqual({ email: 'paul@helio.example', firstName: 'Paul', lastName: 'Martin' })
    await waitFor(() => expect(screen.getByTestId('invitation-notice').textContent).toContain('Invitation sent to paul@helio.example.'), { timeout: 10000 })
    expect(screen.getByTestId('user-invitation-paul.martin').textContent).toContain('Sent')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.body.textContent?.toLowerCase()).not.toContain('password')
  }, 20_000)

  it('shows an invitation being retried with the reason, in the notice and the list', async () => {
    tenantWithUsers([])
    const retrying = { status: 'PENDING', requestedAt: '2026-03-12T09:00:00Z', sentAt: null, failedAt: null, attempts: 2, lastError: 'The identity provider cannot be reached; nothing was changed.' } as const
    server.use(
      http.post(`/api/v1/tenants/${helio.id}/users`, () => HttpResponse.json(clientUser({ invitation: retrying }), { status: 201 })),
      http.get(`/api/v1/users/${clientUser().id}/invitation`, () => HttpResponse.json(retrying)),
    )
    await openTenant()

    await fillInvite('claire@helio.example', 'Claire', 'Client')

    expect((await screen.findByTestId('invitation-notice')).textContent).toContain('not sent yet, it will be tried again: The identity provider cannot be reached')
    expect(screen.getByTestId('user-invitation-claire.client').textContent).toContain('Retrying: The identity provider cannot be reached')
  })

  it('checks the invitation fields before calling the API', async () => {
    tenantWithUsers([])
    let called = false
    server.use(
      http.post(`/api/v1/tenants/${helio.id}/users`, () => {
        called = true
        return HttpResponse.json({}, { status: 201 })
      }),
    )
    await openTenant()

    await fillInvite('not-an-address', '', 'Martin')

    expect(document.getElementById('invite-email-error')?.textContent).toBe('Enter a valid e-mail address.')
    expect(document.getElementById('invite-first-name-error')?.textContent).toBe('Required.')
    expect(document.activeElement).toBe(screen.getByTestId('invite-email'))
    expect(called).toBe(false)
  })

  it('deactivates a user after confirmation', async () => {
    tenantWithUsers([clientUser()])
    let patched: unknown = null
    server.use(
      http.patch('/api/v1/users/:id', async ({ request, params }) => {
        patched = { id: params.id, body: await request.json() }
        return HttpResponse.json(clientUser({ active: false }))
      }),
    )
    await openTenant()
    await screen.findByTestId('user-row-claire.client')

    await fireEvent.click(screen.getByRole('button', { name: 'Deactivate Claire Client' }))
    await fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Deactivate' }))

    await waitFor(() => expect(screen.getByTestId('user-row-claire.client').textContent).toContain('Inactive'))
    expect(patched).toEqual({ id: clientUser().id, body: { active: false } })
  })

  it('shows the detail of a 409 problem, as when an admin deactivates themselves', async () => {
    tenantWithUsers([clientUser()])
    server.use(http.patch('/api/v1/users/:id', () => problem(409, 'You cannot deactivate yourself.')))
    await openTenant()
    await screen.findByTestId('user-row-claire.client')

    await fireEvent.click(screen.getByTestId('user-toggle-claire.client'))
    await fireEvent.click(await screen.findByTestId('confirm-accept'))

    expect((await screen.findByTestId('user-action-problem')).textContent).toContain('You cannot deactivate yourself.')
    expect(screen.getByTestId('user-row-claire.client').textContent).toContain('Active')
  })

  it('says so when the tenant does not exist', async () => {
    server.use(http.get(`/api/v1/tenants/${helio.id}`, () => problem(404, 'No such resource.')))
    installFakeAuth()
    await renderApp(admin, { path: `/admin/tenants/${helio.id}` })

    expect((await screen.findByTestId('tenant-problem')).textContent).toContain('No such resource.')
  })
})
