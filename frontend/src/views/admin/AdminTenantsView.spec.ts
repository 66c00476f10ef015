import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { NewTenant, Tenant, TenantChanges } from '@/api/tenants'
import { installFakeAuth } from '@/test/fakeAuth'
import { admin, bistro, helio } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer()

function listing(...pages: { items: Tenant[]; next: string | null }[]) {
  const cursors: (string | null)[] = []
  server.use(
    http.get('/api/v1/tenants', ({ request }) => {
      const after = new URL(request.url).searchParams.get('after')
      cursors.push(after)
      return HttpResponse.json(pages[after === null ? 0 : Number(after)] ?? { items: [], next: null })
    }),
  )
  return cursors
}

async function openTenants() {
  installFakeAuth()
  const app = await renderApp(admin, { path: '/admin' })
  await screen.findByTestId(`tenant-row-${helio.slug}`)
  return app
}

describe('Administration: companies', () => {
  it('lists the tenants with their slug, language, state and creation date, then loads more', async () => {
    const cursors = listing({ items: [helio], next: '1' }, { items: [bistro], next: null })
    await openTenants()

    const row = screen.getByTestId('tenant-row-helio-cloud')
    expect(row.textContent).toContain('Helio Cloud')
    expect(row.textContent).toContain('helio-cloud')
    expect(row.textContent).toContain('Français')
    expect(row.textContent).toContain('Active')
    expect(row.textContent).toContain('Mar 10, 2026')
    expect(within(row).getByRole('link', { name: 'Helio Cloud' }).getAttribute('href')).toBe(`/admin/tenants/${helio.id}`)
    expect(screen.getByRole('table', { name: 'All companies' })).toBeTruthy()

    await fireEvent.click(screen.getByTestId('tenants-load-more'))

    expect((await screen.findByTestId('tenant-row-bistro-nord')).textContent).toContain('Inactive')
    expect(screen.queryByTestId('tenants-load-more')).toBeNull()
    expect(cursors).toEqual([null, '1'])
  })

  it('speaks French, dates included', async () => {
    listing({ items: [helio], next: null })
    installFakeAuth()
    await renderApp(admin, { path: '/admin', locale: 'fr' })

    const row = await screen.findByTestId('tenant-row-helio-cloud')
    expect(row.textContent).toContain('10 mars 2026')
    expect(row.textContent).toContain('Active')
    expect(screen.getByLabelText('Nom court (slug)')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Désactiver Helio Cloud' })).toBeTruthy()
  })

  it('creates a tenant with a slug suggested from its name and shows the new row', async () => {
    listing({ items: [helio], next: null })
    let posted: NewTenant | null = null
    const created: Tenant = { ...helio, id: '7a000000-0000-4000-8000-000000000009', slug: 'societe-generale-de-cafe', name: 'Société Générale de Café', locale: 'en' }
    server.use(
      http.post('/api/v1/tenants', async ({ request }) => {
        posted = (await request.json()) as NewTenant
        return HttpResponse.json(created, { status: 201 })
      }),
    )
    await openTenants()

    await fireEvent.update(screen.getByLabelText('Name'), 'Société Générale de Café')
    expect((screen.getByLabelText('Short name (slug)') as HTMLInputElement).value).toBe('societe-generale-de-cafe')
    await fireEvent.click(screen.getByTestId('tenant-create-locale'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'English' }))
    await fireEvent.click(screen.getByTestId('tenant-create-submit'))

    const row = await screen.findByTestId('tenant-row-societe-generale-de-cafe')
    expect(row.textContent).toContain('Société Générale de Café')
    expect(posted).toEqual({ name: 'Société Générale de Café', slug: 'societe-generale-de-cafe', locale: 'en' })
    expect((screen.getByTestId('tenant-create-name') as HTMLInputElement).value).toBe('')
  })

  it('shows the detail of a 409 problem when the slug is taken', async () => {
    listing({ items: [helio], next: null })
    server.use(http.post('/api/v1/tenants', () => problem(409, 'The slug helio-cloud is already taken.')))
    await openTenants()

    await fireEvent.update(screen.getByTestId('tenant-create-name'), 'Helio Cloud')
    await fireEvent.click(screen.getByTestId('tenant-create-submit'))

    expect((await screen.findByTestId('tenant-create-problem')).textContent).toContain('The slug helio-cloud is already taken.')
  })

  it('shows field errors of a 400 problem next to the field', async () => {
    listing({ items: [], next: null })
    server.use(
      http.post('/api/v1/tenants', () =>
        problem(400, 'name: must not be blank', [{ field: 'create.request.name', message: 'must not be blank' }]),
      ),
    )
    installFakeAuth()
    await renderApp(admin, { path: '/admin' })
    await screen.findByText('No company yet.')

    await fireEvent.update(screen.getByTestId('tenant-create-name'), 'Acme')
    await fireEvent.click(screen.getByTestId('tenant-create-submit'))

    const error = await screen.findByText('must not be blank')
    expect(error.id).toBe('tenant-create-name-error')
    expect(screen.getByTestId('tenant-create-name').getAttribute('aria-describedby')).toBe('tenant-create-name-error')
    expect(screen.getByTestId('tenant-create-name').getAttribute('aria-invalid')).toBe('true')
  })

  it('blocks a bad slug before calling the API', async () => {
    listing({ items: [helio], next: null })
    let called = false
    server.use(
      http.post('/api/v1/tenants', () => {
        called = true
        return HttpResponse.json(helio, { status: 201 })
      }),
    )
    await openTenants()

    await fireEvent.update(screen.getByTestId('tenant-create-name'), 'Acme')
    await fireEvent.update(screen.getByTestId('tenant-create-slug'), '-Acme_Corp')
    await fireEvent.click(screen.getByTestId('tenant-create-submit'))

    const slug = screen.getByTestId('tenant-create-slug')
    expect(slug.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById('tenant-create-slug-error')?.textContent).toContain('Use 2 to 63 lowercase letters')
    expect(document.activeElement).toBe(slug)
    expect(called).toBe(false)
  })

  it('deactivates a tenant after confirmation and shows it inactive', async () => {
    listing({ items: [helio], next: null })
    let patched: TenantChanges | null = null
    server.use(
      http.patch(`/api/v1/tenants/${helio.id}`, async ({ request }) => {
        patched = (await request.json()) as TenantChanges
        return HttpResponse.json({ ...helio, active: false })
      }),
    )
    await openTenants()

    await fireEvent.click(screen.getByRole('button', { name: 'Deactivate Helio Cloud' }))
    const dialog = await screen.findByRole('alertdialog')
    expect(dialog.textContent).toContain('The users of Helio Cloud will no longer be able to sign in.')
    expect(patched).toBeNull()
    await fireEvent.click(within(dialog).getByTestId('confirm-accept'))

    await waitFor(() => expect(screen.getByTestId('tenant-row-helio-cloud').textContent).toContain('Inactive'))
    expect(patched).toEqual({ active: false })
    expect(screen.getByRole('button', { name: 'Reactivate Helio Cloud' })).toBeTruthy()
  })

  it('does nothing when the deactivation is cancelled', async () => {
    listing({ items: [helio], next: null })
    await openTenants()

    await fireEvent.click(screen.getByTestId('tenant-toggle-helio-cloud'))
    await fireEvent.click(await screen.findByTestId('confirm-reject'))

    expect(screen.getByTestId('tenant-row-helio-cloud').textContent).toContain('Active')
  })

  it('renames a tenant', async () => {
    listing({ items: [helio], next: null })
    let patched: TenantChanges | null = null
    server.use(
      http.patch(`/api/v1/tenants/${helio.id}`, async ({ request }) => {
        patched = (await request.json()) as TenantChanges
        return HttpResponse.json({ ...helio, name: 'Helio Cloud SAS' })
      }),
    )
    await openTenants()

    await fireEvent.click(screen.getByRole('button', { name: 'Rename Helio Cloud' }))
    await fireEvent.update(await screen.findByLabelText('New name'), 'Helio Cloud SAS')
    await fireEvent.click(screen.getByTestId('tenant-rename-submit'))

    await waitFor(() => expect(screen.getByTestId('tenant-row-helio-cloud').textContent).toContain('Helio Cloud SAS'))
    expect(patched).toEqual({ name: 'Helio Cloud SAS' })
    expect(screen.queryByTestId('tenant-rename-name')).toBeNull()
  })
})
