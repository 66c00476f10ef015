import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/vue'
import { installFakeAuth } from '@/test/fakeAuth'
import { client } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { inboxHandlers, notification } from '@/test/notificationFixtures'
import { renderApp } from '@/test/renderApp'

const inbox = inboxHandlers([
  notification({ id: 'n-log', event: 'log.public_entry', detail: 'Backups are intact: no customer data is lost.' }),
])
useMswServer(...inbox.handlers)

describe('Notifications of the running log', () => {
  it('tell the client what was added to the case’s story, and lead to the portal', async () => {
    installFakeAuth()
    await renderApp(client, { path: '/notifications' })

    const item = await screen.findByTestId('notification-item-n-log')
    expect(item.textContent).toContain('New in the running log of Data centre fire in Strasbourg: Backups are intact: no customer data is lost.')
    expect(within(item).getByRole('link').getAttribute('href')).toBe('/portal')
  })
})
