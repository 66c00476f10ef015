import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor } from '@testing-library/vue'
import type { Invitation, NewStaff, User } from '@/api/users'
import { installFakeAuth } from '@/test/fakeAuth'
import { admin } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const server = useMswServer()

const louise: User = {
  id: '7c000000-0000-4000-8000-000000000001',
  username: 'louise.avocat',
  email: 'louise@legal.example',
  firstName: 'Louise',
  lastName: 'Avocat',
  role: 'lawyer',
  tenantId: null,
  active: true,
  createdAt: '2026-01-05T08:00:00Z',
  invitation: null,
}

const pending: Invitation = { status: 'PENDING', requestedAt: '2026-03-12T09:00:00Z', sentAt: null, failedAt: null, attempts: 0, lastError: null }

describe('Administration: staff', () => {
  it('lists the staff with their role and invites a new member with a role; the notice follows the e-mail until sent', async () => {
    let posted: NewStaff | null = null
    const invited: User = { ...louise, id: '7c000000-0000-4000-8000-000000000002', username: 'remi.seo', email: 'remi@rep.example', firstName: 'Rémi', lastName: 'Seo', role: 'reputation_specialist', invitation: pending }
    let sent = false
    server.use(
      http.get('/api/v1/staff', () => HttpResponse.json({ items: [louise], next: null })),
      http.post('/api/v1/staff', async ({ request }) => {
        posted = (await request.json()) as NewStaff
        return HttpResponse.json(invited, { status: 201 })
      }),
      http.get(`/api/v1/users/${invited.id}/invitation`, () =>
        HttpResponse.json(sent ? { ...pending, status: 'SENT', sentAt: '2026-03-12T09:00:01Z', attempts: 1 } : pending),
      ),
    )
    installFakeAuth()
    await renderApp(admin, { path: '/admin/staff' })

    expect((await screen.findByTestId('user-row-louise.avocat')).textContent).toContain('Lawyer')
    expect(screen.getByTestId('admin-tab-staff').getAttribute('aria-current')).toBe('page')

    await fireEvent.click(screen.getByTestId('invite-submit'))
    expect(document.getElementById('invite-role-error')?.textContent).toBe('Required.')

    await fireEvent.update(screen.getByTestId('invite-email'), 'remi@rep.example')
    await fireEvent.update(screen.getByTestId('invite-first-name'), 'Rémi')
    await fireEvent.update(screen.getByTestId('invite-last-name'), 'Seo')
    await fireEvent.click(screen.getByTestId('invite-role'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'E-reputation specialist' }))
    await fireEvent.click(screen.getByTestId('invite-submit'))

    expect((await screen.findByTestId('invitation-notice')).textContent).toContain('Invitation to remi@rep.example on its way')
    expect(posted).toEqual({ email: 'remi@rep.example', firstName: 'Rémi', lastName: 'Seo', role: 'reputation_specialist' })
    expect(screen.getByTestId('user-row-remi.seo').textContent).toContain('E-reputation specialist')
    expect(screen.getByTestId('user-invitation-remi.seo').textContent).toContain('Pending')
    expect(document.body.textContent?.toLowerCase()).not.toContain('password')

    sent = true // Keycloak has sent it: the next read says so
    await waitFor(() => expect(screen.getByTestId('invitation-notice').textContent).toContain('Invitation sent to remi@rep.example.'), { timeout: 10000 })
    expect(screen.getByTestId('user-invitation-remi.seo').textContent).toContain('Sent')
    expect(screen.getByTestId('user-invitation-louise.avocat').textContent).toContain('None')
    expect(screen.queryByTestId('user-resend-louise.avocat')).toBeNull()
  }, 20_000)

  it('resends a failed invitation from the list and says when it fails again', async () => {
    const failed: Invitation = { ...pending, status: 'FAILED', attempts: 8, failedAt: '2026-03-12T10:00:00Z', lastError: 'The identity provider refused the change (invitation e-mail): HTTP 500.' }
    const remi: User = { ...louise, id: '7c000000-0000-4000-8000-000000000003', username: 'remi.seo', email: 'remi@rep.example', firstName: 'Rémi', lastName: 'Seo', invitation: failed }
    let resent = 0
    let failedAgain = false
    server.use(
      http.get('/api/v1/staff', () => HttpResponse.json({ items: [remi], next: null })),
      http.post(`/api/v1/users/${remi.id}/invitation`, () => {
        resent++
        return HttpResponse.json(pending, { status: 202 })
      }),
      http.get(`/api/v1/users/${remi.id}/invitation`, () => HttpResponse.json(failedAgain ? failed : pending)),
    )
    installFakeAuth()
    await renderApp(admin, { path: '/admin/staff' })

    const state = await screen.findByTestId('user-invitation-remi.seo')
    expect(state.textContent).toContain('Failed')
    expect(state.textContent).toContain('HTTP 500')

    await fireEvent.click(screen.getByRole('button', { name: 'Resend invitation to Rémi Seo' }))

    expect((await screen.findByTestId('invitation-notice')).textContent).toContain('Invitation to remi@rep.example on its way')
    expect(resent).toBe(1)
    failedAgain = true // the new attempt fails too: the next read says so
    await waitFor(() => expect(screen.getByTestId('invitation-notice').getAttribute('data-status')).toBe('FAILED'), { timeout: 10000 })
    expect(screen.getByTestId('invitation-notice').textContent).toContain('could not be sent: The identity provider refused the change')
  }, 20_000)
})
