import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor } from '@testing-library/vue'
import type { NotificationPreferences } from '@/api/notifications'
import { installFakeAuth } from '@/test/fakeAuth'
import { client, lawyer } from '@/test/fixtures'
import { liveChannel } from '@/test/live'
import { useMswServer } from '@/test/msw'
import { inboxHandlers, notification, notifications, preferences } from '@/test/notificationFixtures'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer()

describe('The notifications page', () => {
  it('lists my notifications page by page, passing the cursor back', async () => {
    const cursors: (string | null)[] = []
    server.use(
      http.get('/api/v1/notifications', ({ request }) => {
        const after = new URL(request.url).searchParams.get('after')
        cursors.push(after)
        return after === null
          ? HttpResponse.json({ items: notifications.slice(0, 2), next: 'cursor-2' })
          : HttpResponse.json({ items: notifications.slice(2), next: null })
      }),
    )
    installFakeAuth()
    await renderApp(lawyer, { path: '/notifications' })

    expect((await screen.findByTestId('notifications-title')).textContent).toBe('Notifications')
    await screen.findByTestId(`notification-item-${notifications[0]?.id}`)
    expect(screen.queryByTestId('notification-item-n-task')).toBeNull()

    await fireEvent.click(screen.getByTestId('notifications-load-more'))

    expect((await screen.findByTestId('notification-item-n-task')).getAttribute('data-read')).toBe('true')
    expect(cursors).toEqual([null, 'cursor-2'])
    expect(screen.queryByTestId('notifications-load-more')).toBeNull()
  })

  it('marks all read, and reads the list again when the server says it changed', async () => {
    const inbox = inboxHandlers()
    const live = liveChannel()
    server.use(...inbox.handlers, live.handler)
    installFakeAuth()
    await renderApp(lawyer, { path: '/notifications' })
    await screen.findByTestId(`notification-item-${notifications[0]?.id}`)

    await fireEvent.click(screen.getByTestId('notifications-mark-all'))

    await waitFor(() => expect(screen.getByTestId('notification-item-n-status').getAttribute('data-read')).toBe('true'))
    expect(inbox.marked).toEqual(['all'])
    await waitFor(() => expect(screen.getByTestId('notifications-mark-all').hasAttribute('disabled')).toBe(true))

    inbox.deliver(notification({ id: 'n-new', event: 'case.reported', caseTitle: 'Rumour on X' }))
    live.send('notifications')

    expect((await screen.findByTestId('notification-item-n-new')).getAttribute('data-read')).toBe('false')
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('1'))
  })

  it('is open to a client, and says when there is nothing', async () => {
    server.use(http.get('/api/v1/notifications', () => HttpResponse.json({ items: [], next: null })))
    installFakeAuth()
    const { router } = await renderApp(client, { path: '/notifications' })

    expect((await screen.findByTestId('notifications-empty')).textContent).toBe('No notification yet.')
    expect(router.currentRoute.value.name).toBe('notifications')
    expect(screen.getByTestId('notifications-preferences-link').getAttribute('href')).toBe('/notifications/preferences')
  })
})

describe('Notification preferences', () => {
  /** The events of outgoing messages and legal reminders, off unless the API listed them on. */
  const messageEventsOff = [
    'message.review_requested',
    'message.review_escalated',
    'message.changes_requested',
    'message.approved',
    'message.published',
    'message.withdrawn',
    'legal.clock_reminder',
    'log.public_entry',
  ].map((event) => ({ event, enabled: false }))
  const checkbox = (event: string) => screen.getByTestId(`preference-email-${event}`) as HTMLInputElement

  it('shows my choices, says in-app notifications are always on, and saves the changes', async () => {
    let saved: NotificationPreferences | null = null
    server.use(
      http.get('/api/v1/me/notification-preferences', () => HttpResponse.json(preferences)),
      http.put('/api/v1/me/notification-preferences', async ({ request }) => {
        saved = (await request.json()) as NotificationPreferences
        return HttpResponse.json(saved)
      }),
    )
    installFakeAuth()
    await renderApp(lawyer, { path: '/notifications/preferences' })

    await screen.findByTestId('notification-preferences-form')
    expect(screen.getByTestId('preferences-in-app').textContent).toContain('always on')
    expect(checkbox('case.reported').checked).toBe(true)
    expect(checkbox('case.status_changed').checked).toBe(false)
    expect(checkbox('task.assigned').checked).toBe(true)
    expect(screen.getByLabelText('A hand-off is requested to my workstream')).toBe(checkbox('handoff.requested'))
    expect(screen.getByTestId('preference-language').textContent).toContain('Français')

    await fireEvent.click(checkbox('case.status_changed'))
    await fireEvent.click(checkbox('task.assigned'))
    await fireEvent.click(screen.getByTestId('preference-language'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'English' }))
    await fireEvent.click(screen.getByTestId('preferences-save'))

    expect((await screen.findByTestId('preferences-saved')).textContent).toContain('Your preferences are saved.')
    expect(saved).toEqual({
      language: 'en',
      email: [
        { event: 'case.reported', enabled: true },
        { event: 'case.status_changed', enabled: true },
        { event: 'task.assigned', enabled: false },
        { event: 'handoff.requested', enabled: false },
        ...messageEventsOff,
      ],
    })
  })

  it('sends every event, off when the API did not list it', async () => {
    const saved: NotificationPreferences[] = []
    server.use(
      http.get('/api/v1/me/notification-preferences', () =>
        HttpResponse.json({ language: 'en', email: [{ event: 'task.assigned', enabled: true }] }),
      ),
      http.put('/api/v1/me/notification-preferences', async ({ request }) => {
        const body = (await request.json()) as NotificationPreferences
        saved.push(body)
        return HttpResponse.json(body)
      }),
    )
    installFakeAuth()
    await renderApp(client, { path: '/notifications/preferences', locale: 'fr' })
    await screen.findByTestId('notification-preferences-form')

    await fireEvent.click(screen.getByTestId('preferences-save'))

    await screen.findByTestId('preferences-saved')
    expect(saved.map((p) => p.email)).toEqual([[
      { event: 'case.reported', enabled: false },
      { event: 'case.status_changed', enabled: false },
      { event: 'task.assigned', enabled: true },
      { event: 'handoff.requested', enabled: false },
      ...messageEventsOff,
    ]])
  })

  it('shows the API’s problem when saving fails, and keeps the choices', async () => {
    server.use(
      http.get('/api/v1/me/notification-preferences', () => HttpResponse.json(preferences)),
      http.put('/api/v1/me/notification-preferences', () =>
        problem(400, 'The preferences are not valid', [{ field: 'update.body.language', message: 'must be fr or en' }]),
      ),
    )
    installFakeAuth()
    await renderApp(lawyer, { path: '/notifications/preferences' })
    await screen.findByTestId('notification-preferences-form')
    await fireEvent.click(checkbox('case.reported'))

    await fireEvent.click(screen.getByTestId('preferences-save'))

    const shown = await screen.findByTestId('preferences-problem')
    expect(shown.getAttribute('role')).toBe('alert')
    expect(shown.textContent).toContain('The preferences are not valid')
    expect(screen.queryByTestId('preferences-saved')).toBeNull()
    expect(checkbox('case.reported').checked).toBe(false)
  })

  it('shows the API’s problem when they cannot be read', async () => {
    server.use(http.get('/api/v1/me/notification-preferences', () => problem(503, 'Preferences are unavailable')))
    installFakeAuth()
    await renderApp(lawyer, { path: '/notifications/preferences' })

    expect((await screen.findByTestId('preferences-load-problem')).textContent).toContain('Preferences are unavailable')
    expect(screen.queryByTestId('notification-preferences-form')).toBeNull()
  })
})
