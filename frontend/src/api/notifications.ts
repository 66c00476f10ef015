import { enumValues } from './enums'
import { apiFetch, apiSend } from './http'
import { withQuery, type Page } from './page'

// Hand-written: these types mirror the notify routes of the API contract until they are generated from the OpenAPI document.

export type NotificationEvent = 'case.reported' | 'case.status_changed' | 'task.assigned' | 'handoff.requested'
export const NOTIFICATION_EVENTS = enumValues<NotificationEvent>({
  'case.reported': 1,
  'case.status_changed': 1,
  'task.assigned': 1,
  'handoff.requested': 1,
})

/**
 * One in-app notification. The text is composed on the client from `event` and the other fields: `detail` is the new
 * status (case.status_changed), the task's title (task.assigned) or the target workstream (handoff.requested).
 */
export interface NotificationView {
  id: string
  event: NotificationEvent
  caseId: string | null
  caseTitle: string | null
  tenantName: string | null
  actorName: string | null
  detail: string | null
  createdAt: string
  readAt: string | null
}

export type NotificationLanguage = 'fr' | 'en'

export interface EmailPreference {
  event: NotificationEvent
  enabled: boolean
}

/** In-app notifications are always on; e-mail is chosen per event, in one language. */
export interface NotificationPreferences {
  language: NotificationLanguage
  email: EmailPreference[]
}

/** The page size of the notification panel under the bell. */
export const RECENT_NOTIFICATIONS = 10

/** My notifications, newest first. */
export function listNotifications(after: string | null = null, limit?: number): Promise<Page<NotificationView>> {
  return apiFetch<Page<NotificationView>>(withQuery('/api/v1/notifications', { after, limit }))
}

export async function countUnread(): Promise<number> {
  return (await apiFetch<{ count: number }>('/api/v1/notifications/unread')).count
}

export function markNotificationRead(id: string): Promise<void> {
  return apiSend<void>(`/api/v1/notifications/${encodeURIComponent(id)}/read`, 'POST')
}

export function markAllNotificationsRead(): Promise<void> {
  return apiSend<void>('/api/v1/notifications/read-all', 'POST')
}

export function getNotificationPreferences(): Promise<NotificationPreferences> {
  return apiFetch<NotificationPreferences>('/api/v1/me/notification-preferences')
}

export function saveNotificationPreferences(preferences: NotificationPreferences): Promise<NotificationPreferences> {
  return apiSend<NotificationPreferences>('/api/v1/me/notification-preferences', 'PUT', preferences)
}
