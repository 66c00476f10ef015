import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen } from '@testing-library/vue'
import type { NewStaff, User } from '@/api/users'
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
}

describe('Administration: staff', () => {
  it('lists the staff with their role and invites a new member with a role', async () => {
    let posted: NewStaff | null = null
    const invited: User = { ...louise, id: '7c000000-0000-4000-8000-000000000002', username: 'remi.seo', email: 'remi@rep.example', firstName: 'Rémi', lastName: 'Seo', role: 'reputation_specialist' }
    server.use(
      http.get('/api/v1/staff', () => HttpResponse.json({ items: [louise], next: null })),
      http.post('/api/v1/staff', async ({ request }) => {
        posted = (await request.json()) as NewStaff
        return HttpResponse.json({ user: invited, temporaryPassword: 'Once-Only-42' }, { status: 201 })
      }),
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

    expect((await screen.findByTestId('temporary-password')).textContent).toBe('Once-Only-42')
    expect(posted).toEqual({ email: 'remi@rep.example', firstName: 'Rémi', lastName: 'Seo', role: 'reputation_specialist' })
    expect(screen.getByTestId('user-row-remi.seo').textContent).toContain('E-reputation specialist')
  })
})
