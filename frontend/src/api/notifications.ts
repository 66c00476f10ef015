import { enumValues } from './enums'
import { apiFetch, apiSend } from './http'
import { withQuery, type Page } from './page'
import type { components } from './schema'

type Schemas = components['schemas']

export type NotificationEvent = Schemas['NotificationView']['event']
export const NOTIFICATION_EVENTS = enumValues<NotificationEvent>({
  'case.reported': 1,
  'case.status_changed': 1,
  'task.assigned': 1,
  'handoff.requested': 1,
  'message.review_requested': 1,
  'message.review_escalated': 1,
  'message.changes_requested': 1,
  'message.approved': 1,
  'message.published': 1,
  'message.withdrawn': 1,
  'legal.clock_reminder': 1,
  'log.public_entry': 1,
})

/**
 * One in-app notification. The text is composed on the client from `event` and the other fields: `detail` is the new
 * status (case.status_changed), the task's title (task.assigned), the target workstream (handoff.requested) or the
 * message's title (message.*) or the first words of a public running-log entry (log.public_entry).
 */
export type NotificationView = Omit<Schemas['NotificationView'], 'event'> & { event: NotificationEvent }

export type NotificationLanguage = Schemas['PreferencesView']['language']

export type EmailPreference = Omit<Schemas['PreferencesView.EmailChoice'], 'event'> & { event: NotificationEvent }

/** In-app notifications are always on; e-mail is chosen per event, in one language. */
export type NotificationPreferences = Omit<Schemas['PreferencesView'], 'email'> & { email: EmailPreference[] }

/** The page size of the notification panel under the bell. */
export const RECENT_NOTIFICATIONS = 10

/** My notifications, newest first. */
export function listNotifications(after: string | null = null, limit?: number): Promise<Page<NotificationView>> {
  return apiFetch<Page<NotificationView>>(withQuery('/api/v1/notifications', { after, limit }))
}

export async function countUnread(): Promise<number> {
  return (await apiFetch<Schemas['NotificationView.UnreadCount']>('/api/v1/notifications/unread')).count
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
