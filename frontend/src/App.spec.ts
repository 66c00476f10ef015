import { describe, expect, it } from 'vitest'
import { fireEvent, screen, within } from '@testing-library/vue'
import { admin, client, consultant, lawyer } from '@/test/fixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { renderApp } from '@/test/renderApp'
import { emptyHomeHandlers } from '@/test/caseFixtures'
import { useMswServer } from '@/test/msw'
import { LANG_STORAGE_KEY } from '@/i18n'

// Home shows the user's cases and tasks: empty here, the home page has its own spec.
useMswServer(...emptyHomeHandlers)

function navTestIds(): string[] {
  return within(screen.getByTestId('nav'))
    .getAllByRole('link')
    .map((link) => link.getAttribute('data-testid') ?? '')
}

describe('App shell', () => {
  it('shows a staff member with their firm', async () => {
    installFakeAuth()
    await renderApp(lawyer)

    expect(screen.getByText('Taskforce')).toBeTruthy()
    expect(screen.getByTestId('user-name').textContent).toBe('Louise Avocat')
    expect(screen.getByTestId('user-username').textContent).toBe('lawyer')
    expect(screen.getByTestId('user-roles').textContent).toContain('Lawyer')
    expect(screen.getByTestId('user-firm').textContent).toBe('Legal')
    expect(screen.queryByTestId('user-tenant')).toBeNull()
    expect(screen.getByTestId('welcome').textContent).toBe('Welcome, Louise Avocat')
  })

  it('shows a client with their company, falling back to the username for the name', async () => {
    installFakeAuth()
    await renderApp(client)

    expect(screen.getByTestId('user-name').textContent).toBe('client')
    expect(screen.getByTestId('user-tenant').textContent).toBe('Helio Cloud')
    expect(screen.getByTestId('user-roles').textContent).toContain('Client')
    expect(screen.queryByTestId('user-firm')).toBeNull()
    expect(screen.getByTestId('welcome').textContent).toBe('Welcome, client')
  })

  it('shows translated role and firm labels in French', async () => {
    installFakeAuth()
    await renderApp(consultant, { locale: 'fr' })

    expect(screen.getByTestId('user-roles').textContent).toContain('Consultant en communication de crise')
    expect(screen.getByTestId('user-firm').textContent).toBe('Communication de crise')
    expect(screen.getByTestId('welcome').textContent).toBe('Bienvenue, Camille Conseil')
  })

  it.each([
    ['lawyer', lawyer, ['nav-home', 'nav-cases', 'nav-messages', 'nav-legal', 'nav-reputation', 'nav-audit']],
    ['client', client, ['nav-home', 'nav-portal']],
    ['platform_admin', admin, ['nav-home', 'nav-admin', 'nav-audit']],
  ])('shows the %s only the areas of their roles', async (_role, me, expected) => {
    installFakeAuth()
    await renderApp(me)

    expect(navTestIds()).toEqual(expected)
  })

  it('lets a client see My cases but not Cases', async () => {
    installFakeAuth()
    await renderApp(client)

    expect(screen.getByTestId('nav-portal')).toBeTruthy()
    expect(screen.queryByTestId('nav-cases')).toBeNull()
  })

  it('gives a platform admin Administration and no case work', async () => {
    installFakeAuth()
    await renderApp(admin)

    expect(screen.getByTestId('nav-admin')).toBeTruthy()
    for (const id of ['nav-cases', 'nav-messages', 'nav-legal', 'nav-reputation', 'nav-portal']) {
      expect(screen.queryByTestId(id)).toBeNull()
    }
  })

  it('switches the language, the page lang attribute and remembers the choice', async () => {
    installFakeAuth()
    await renderApp(lawyer, { locale: 'en' })
    expect(document.documentElement.lang).toBe('en')

    await fireEvent.click(screen.getByTestId('lang-fr'))

    expect(screen.getByTestId('welcome').textContent).toBe('Bienvenue, Louise Avocat')
    expect(screen.getByTestId('user-firm').textContent).toBe('Juridique')
    expect(screen.getByTestId('lang-fr').getAttribute('aria-pressed')).toBe('true')
    expect(document.documentElement.lang).toBe('fr')
    expect(window.localStorage.getItem(LANG_STORAGE_KEY)).toBe('fr')

    await fireEvent.click(screen.getByTestId('lang-en'))

    expect(screen.getByTestId('welcome').textContent).toBe('Welcome, Louise Avocat')
    expect(document.documentElement.lang).toBe('en')
  })

  it('logs out through the auth client, back to the application root', async () => {
    const auth = installFakeAuth()
    await renderApp(lawyer)

    await fireEvent.click(screen.getByTestId('logout'))

    expect(auth.logout).toHaveBeenCalledWith({ redirectUri: window.location.origin + '/' })
  })

  it('has landmarks, a skip link and labelled buttons', async () => {
    installFakeAuth()
    await renderApp(lawyer)

    expect(screen.getByRole('banner')).toBeTruthy()
    expect(screen.getByRole('navigation')).toBeTruthy()
    expect(screen.getByRole('main').id).toBe('main')
    expect(screen.getByRole('link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main')
    expect(screen.getByRole('button', { name: 'Log out' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'FR – Français' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'EN – English' })).toBeTruthy()
  })

  it('sends a user to Home when they open an area their roles do not allow', async () => {
    installFakeAuth()
    const { router } = await renderApp(client, { path: '/cases' })

    expect(router.currentRoute.value.name).toBe('home')
    expect(screen.getByTestId('welcome')).toBeTruthy()
  })

  it.each([
    ['a lawyer', lawyer, '/admin'],
    ['a consultant', consultant, '/admin/staff'],
    ['a client', client, '/admin/tenants/7a000000-0000-4000-8000-000000000001'],
    ['a client', client, '/audit'],
  ])('sends %s from %s back Home', async (_who, me, path) => {
    installFakeAuth()
    const { router } = await renderApp(me, { path })

    expect(router.currentRoute.value.name).toBe('home')
    expect(screen.getByTestId('welcome')).toBeTruthy()
    expect(screen.queryByTestId('area-admin')).toBeNull()
  })

  it('opens an allowed area as a placeholder that arrives soon', async () => {
    installFakeAuth()
    const { router } = await renderApp(lawyer)

    await router.push('/reputation')

    expect(await screen.findByTestId('area-reputation')).toBeTruthy()
    expect(screen.getByTestId('coming-soon').textContent).toContain('This area arrives soon.')
    expect(screen.getByTestId('nav-reputation').getAttribute('aria-current')).toBe('page')
  })

  it('shows Not found for an unknown path', async () => {
    installFakeAuth()
    await renderApp(lawyer, { path: '/no/such/page' })

    expect(screen.getByTestId('not-found').textContent).toContain('Page not found')
  })
})
