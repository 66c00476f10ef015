import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import { CASE_ID, emptyHomeHandlers } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { client, lawyer } from '@/test/fixtures'
import { liveChannel } from '@/test/live'
import { useMswServer } from '@/test/msw'
import { inboxHandlers, notification, notifications } from '@/test/notificationFixtures'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer(...emptyHomeHandlers)

const bell = () => screen.getByTestId('notification-bell')
const count = () => screen.getByTestId('notification-count')
const item = (id: string) => screen.getByTestId(`notification-item-${id}`)

async function openPanel(): Promise<HTMLElement> {
  await fireEvent.click(bell())
  const panel = await screen.findByTestId('notification-panel')
  await within(panel).findByTestId(`notification-item-${notifications[0]?.id}`)
  return panel
}

describe('The notification bell', () => {
  it('is named with the number of unread notifications, shown in a badge hidden from screen readers', async () => {
    server.use(...inboxHandlers().handlers)
    installFakeAuth()
    await renderApp(lawyer)

    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, 2 unread'))
    expect(count().textContent).toBe('2')
    expect(count().getAttribute('aria-hidden')).toBe('true')
    expect(count().style.display).not.toBe('none')
    expect(bell().textContent?.trim()).toBe('')
    expect(bell().getAttribute('aria-haspopup')).toBe('dialog')
  })

  it('says so in French, and hides the badge when nothing is unread', async () => {
    server.use(http.get('/api/v1/notifications/unread', () => HttpResponse.json({ count: 0 })))
    installFakeAuth()
    await renderApp(lawyer, { locale: 'fr' })

    await waitFor(() => expect(bell().getAttribute('aria-label')).toBe('Notifications, aucune non lue'))
    expect(count().style.display).toBe('none')
  })

  it('updates the count when the server says my notifications changed', async () => {
    const inbox = inboxHandlers()
    const live = liveChannel()
    server.use(...inbox.handlers, live.handler)
    installFakeAuth('secret-token')
    await renderApp(lawyer, { locale: 'fr' })
    await waitFor(() => expect(count().textContent).toBe('2'))
    await waitFor(() => expect(live.streams).toHaveLength(1))

    inbox.deliver(notification({ id: 'n-new', event: 'task.assigned', detail: 'Call the regulator' }))
    live.send('notifications')

    await waitFor(() => expect(count().textContent).toBe('3'))
    expect(bell().getAttribute('aria-label')).toBe('Notifications, 3 non lues')
    // the shell's one connection carries the token in a header, not in the URL
    expect(live.requests).toHaveLength(1)
    expect(live.requests[0]?.headers.get('Authorization')).toBe('Bearer secret-token')
    expect(live.requests[0]?.url).not.toContain('secret-token')
  })

  it('opens a panel listing the recent notifications in words, unread ones marked', async () => {
    const asked: URL[] = []
    const inbox = inboxHandlers()
    server.use(
      http.get('/api/v1/notifications', ({ request }) => {
        asked.push(new URL(request.url))
        return HttpResponse.json({ items: notifications, next: 'more' })
      }),
      ...inbox.handlers,
    )
    installFakeAuth()
    await renderApp(lawyer)

    const panel = await openPanel()

    expect(bell().getAttribute('aria-expanded')).toBe('true')
    expect(panel.getAttribute('role')).toBe('dialog')
    expect(panel.id).toBe(bell().getAttribute('aria-controls'))
    expect(panel.getAttribute('aria-labelledby')).toBe('notification-panel-title')
    expect(within(panel).getByRole('heading', { name: 'Recent notifications' })).toBeTruthy()
    expect(asked.map((url) => url.searchParams.get('limit'))).toEqual(['10'])
    const [reported, status, task, handoff] = notifications.map((n) => item(n.id))
    expect(reported?.getAttribute('data-read')).toBe('false')
    expect(reported?.textContent).toContain('Unread')
    expect(reported?.textContent).toContain('New incident reported: Data centre fire in Strasbourg (Helio Cloud)')
    expect(reported?.textContent).toContain('by Claire Client')
    expect(status?.textContent).toContain('Data centre fire in Strasbourg: status changed to “Active”')
    expect(task?.getAttribute('data-read')).toBe('true')
    expect(task?.textContent).not.toContain('Unread')
    expect(task?.textContent).toContain('Task assigned to you: Draft the CNIL notification (Data centre fire in Strasbourg)')
    expect(handoff?.textContent).toContain('Hand-off requested to Legal: a case')
    // a notification with a case links to it; one without is plain text
    expect(within(reported!).getByRole('link').getAttribute('href')).toBe(`/cases/${CASE_ID}`)
    expect(within(handoff!).queryByRole('link')).toBeNull()
    expect(within(panel).getByTestId('notifications-see-all').getAttribute('href')).toBe('/notifications')
  })

  it('marks a notification read when it is opened, and goes to its case', async () => {
    const inbox = inboxHandlers()
    server.use(...inbox.handlers, http.get(`/api/v1/cases/${CASE_ID}`, () => problem(404, 'No such case')))
    installFakeAuth()
    const { router } = await renderApp(lawyer)
    await openPanel()

    await fireEvent.click(within(item(notifications[0]!.id)).getByRole('link'))

    // the case page is loaded on demand: its first import can take a while
    await waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/cases/${CASE_ID}`), { timeout: 8000 })
    expect(inbox.marked).toEqual([notifications[0]?.id])
    await waitFor(() => expect(count().textContent).toBe('1'))
    expect(screen.queryByTestId('notification-panel')).toBeNull()
  }, 15_000)

  it('marks one read with its button', async () => {
    const inbox = inboxHandlers()
    server.use(...inbox.handlers)
    installFakeAuth()
    await renderApp(lawyer)
    await openPanel()

    await fireEvent.click(
      screen.getByRole('button', { name: 'Mark as read: Data centre fire in Strasbourg: status changed to “Active”' }),
    )

    await waitFor(() => expect(item('n-status').getAttribute('data-read')).toBe('true'))
    expect(inbox.marked).toEqual(['n-status'])
    expect(screen.queryByTestId('notification-read-n-status')).toBeNull()
    await waitFor(() => expect(count().textContent).toBe('1'))
  })

  it('marks all read', async () => {
    const inbox = inboxHandlers()
    server.use(...inbox.handlers)
    installFakeAuth()
    await renderApp(lawyer)
    const panel = await openPanel()

    await fireEvent.click(within(panel).getByTestId('notifications-mark-all'))

    await waitFor(() => expect(item(notifications[0]!.id).getAttribute('data-read')).toBe('true'))
    expect(item('n-status').getAttribute('data-read')).toBe('true')
    expect(inbox.marked).toEqual(['all'])
    await waitFor(() => expect(count().style.display).toBe('none'))
    expect(bell().getAttribute('aria-label')).toBe('Notifications, none unread')
  })

  it('shows the API’s problem when marking fails', async () => {
    server.use(
      http.post('/api/v1/notifications/read-all', () => problem(503, 'Notifications are resting')),
      ...inboxHandlers().handlers,
    )
    installFakeAuth()
    await renderApp(lawyer)
    const panel = await openPanel()

    await fireEvent.click(within(panel).getByTestId('notifications-mark-all'))

    expect((await screen.findByTestId('notifications-problem')).textContent).toContain('Notifications are resting')
    expect(item(notifications[0]!.id).getAttribute('data-read')).toBe('false')
  })

  it('adds a new notification to the open panel when the server says so', async () => {
    const inbox = inboxHandlers()
    const live = liveChannel()
    server.use(...inbox.handlers, live.handler)
    installFakeAuth()
    await renderApp(lawyer)
    await openPanel()
    await waitFor(() => expect(live.streams).toHaveLength(1))

    inbox.deliver(notification({ id: 'n-new', event: 'task.assigned', detail: 'Call the regulator' }))
    live.send('notifications')

    expect((await screen.findByTestId('notification-item-n-new')).getAttribute('data-read')).toBe('false')
    await waitFor(() => expect(count().textContent).toBe('3'))
  })

  it('leads a client to the portal, with statuses in the portal’s words', async () => {
    server.use(
      ...inboxHandlers([notification({ id: 'n-client', event: 'case.status_changed', detail: 'TRIAGED', tenantName: null })]).handlers,
      http.get('/api/v1/cases', () => HttpResponse.json({ items: [], next: null })),
    )
    installFakeAuth()
    await renderApp(client)
    await fireEvent.click(bell())

    const entry = await screen.findByTestId('notification-item-n-client')
    expect(entry.textContent).toContain('Data centre fire in Strasbourg: status changed to “Taken in charge”')
    expect(within(entry).getByRole('link').getAttribute('href')).toBe('/portal')
  })
})
