import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/vue'
import { CASE_ID } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { consultant } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { inboxHandlers, notification } from '@/test/notificationFixtures'
import { renderApp } from '@/test/renderApp'

const inbox = inboxHandlers([
  notification({ id: 'n-review', event: 'message.review_requested', detail: 'Fire at our Strasbourg site', actorName: 'Camille Conseil' }),
  notification({ id: 'n-escalated', event: 'message.review_escalated', detail: 'Fire at our Strasbourg site' }),
  notification({ id: 'n-changes', event: 'message.changes_requested', detail: 'Fire at our Strasbourg site' }),
  notification({ id: 'n-approved', event: 'message.approved', detail: 'Fire at our Strasbourg site' }),
  notification({ id: 'n-published', event: 'message.published', detail: 'Fire at our Strasbourg site' }),
  notification({ id: 'n-withdrawn', event: 'message.withdrawn', detail: 'Fire at our Strasbourg site' }),
])
useMswServer(...inbox.handlers)

describe('Notifications of outgoing messages', () => {
  it('say what happened to which message, and lead to the case’s messages', async () => {
    installFakeAuth()
    await renderApp(consultant, { path: '/notifications' })

    const text = async (id: string) => (await screen.findByTestId(`notification-item-${id}`)).textContent
    expect(await text('n-review')).toContain('Message to review: Fire at our Strasbourg site (Data centre fire in Strasbourg)')
    expect(await text('n-escalated')).toContain('No lawyer answered')
    expect(await text('n-changes')).toContain('Changes requested on Fire at our Strasbourg site')
    expect(await text('n-approved')).toContain('Message approved: Fire at our Strasbourg site')
    expect(await text('n-published')).toContain('Message published: Fire at our Strasbourg site')
    expect(await text('n-withdrawn')).toContain('Message withdrawn: Fire at our Strasbourg site')
    const link = within(screen.getByTestId('notification-item-n-approved')).getByRole('link')
    expect(link.getAttribute('href')).toBe(`/cases/${CASE_ID}?tab=messages`)
  })
})
