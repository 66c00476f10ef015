import { http, HttpResponse } from 'msw'
import type { NotificationPreferences, NotificationView } from '@/api/notifications'
import { CASE_ID } from './caseFixtures'

export function notification(overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id: 'a1000000-0000-4000-8000-000000000001',
    event: 'case.reported',
    caseId: CASE_ID,
    caseTitle: 'Data centre fire in Strasbourg',
    tenantName: 'Helio Cloud',
    actorName: 'Claire Client',
    detail: null,
    createdAt: '2026-03-10T01:30:00Z',
    readAt: null,
    ...overrides,
  }
}

/** One of each event: two unread, two read. */
export const notifications: NotificationView[] = [
  notification(),
  notification({ id: 'n-status', event: 'case.status_changed', detail: 'ACTIVE', actorName: 'Camille Conseil' }),
  notification({
    id: 'n-task',
    event: 'task.assigned',
    detail: 'Draft the CNIL notification',
    readAt: '2026-03-10T03:00:00Z',
  }),
  notification({
    id: 'n-handoff',
    event: 'handoff.requested',
    detail: 'LEGAL',
    caseId: null,
    caseTitle: null,
    readAt: '2026-03-10T04:00:00Z',
  }),
]

export const preferences: NotificationPreferences = {
  language: 'fr',
  email: [
    { event: 'case.reported', enabled: true },
    { event: 'case.status_changed', enabled: false },
    { event: 'task.assigned', enabled: true },
    { event: 'handoff.requested', enabled: false },
  ],
}

/** The notification routes with an in-memory inbox: reads and marks change it as the API would. */
export function inboxHandlers(initial: NotificationView[] = notifications) {
  let inbox = initial.map((n) => ({ ...n }))
  const marked: string[] = []
  const handlers = [
    http.get('/api/v1/notifications/unread', () => HttpResponse.json({ count: inbox.filter((n) => n.readAt === null).length })),
    http.get('/api/v1/notifications', () => HttpResponse.json({ items: inbox, next: null })),
    http.post('/api/v1/notifications/read-all', () => {
      marked.push('all')
      inbox = inbox.map((n) => ({ ...n, readAt: n.readAt ?? '2026-03-11T00:00:00Z' }))
      return new HttpResponse(null, { status: 204 })
    }),
    http.post('/api/v1/notifications/:id/read', ({ params }) => {
      marked.push(String(params.id))
      inbox = inbox.map((n) => (n.id === params.id ? { ...n, readAt: n.readAt ?? '2026-03-11T00:00:00Z' } : n))
      return new HttpResponse(null, { status: 204 })
    }),
  ]
  return {
    handlers,
    marked,
    /** A new notification arrives (the server would then send a `notifications` event). */
    deliver(n: NotificationView): void {
      inbox = [n, ...inbox]
    },
  }
}
