import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, within } from '@testing-library/vue'
import type { Locale } from '@/i18n'
import type { Me } from '@/api/me'
import { axeViolations } from '@/test/axe'
import { emptyHomeHandlers } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { client, lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { inboxHandlers, notifications, preferences } from '@/test/notificationFixtures'
import { renderApp } from '@/test/renderApp'

useMswServer(
  ...emptyHomeHandlers,
  ...inboxHandlers().handlers,
  http.get('/api/v1/me/notification-preferences', () => HttpResponse.json(preferences)),
)

/**
 * axe-core on the notification pages and the bell's panel, once their data is shown: names, labels, roles and ARIA.
 * Colour contrast needs a real browser: the end-to-end flows check it.
 */
describe('Accessibility of the notifications (axe-core, WCAG 2.1 A and AA)', () => {
  it.each<[string, Me, string, string, Locale]>([
    ['the notifications page', lawyer, '/notifications', `notification-item-${notifications[0]?.id}`, 'en'],
    ['the notifications page in French', client, '/notifications', `notification-item-${notifications[0]?.id}`, 'fr'],
    ['the preferences', lawyer, '/notifications/preferences', 'notification-preferences-form', 'en'],
    ['the preferences in French', client, '/notifications/preferences', 'notification-preferences-form', 'fr'],
  ])('%s has no violation', async (_page, me, path, ready, locale) => {
    installFakeAuth()
    await renderApp(me, { path, locale })
    await screen.findByTestId(ready, {}, { timeout: 8000 })

    expect(await axeViolations()).toEqual([])
  }, 15_000)

  it.each<[string, Locale]>([
    ['the bell’s panel', 'en'],
    ['the bell’s panel in French', 'fr'],
  ])('%s has no violation', async (_page, locale) => {
    installFakeAuth()
    await renderApp(lawyer, { locale })
    await screen.findByTestId('home-tasks')
    await fireEvent.click(screen.getByTestId('notification-bell'))
    const panel = await screen.findByTestId('notification-panel')
    await within(panel).findByTestId(`notification-item-${notifications[0]?.id}`)

    expect(await axeViolations()).toEqual([])
  }, 15_000)
})
