import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { RouteLocationRaw } from 'vue-router'
import { storeToRefs } from 'pinia'
import type { NotificationEvent, NotificationView } from '@/api/notifications'
import { canAccess } from '@/auth/areas'
import { useSessionStore } from '@/stores/session'

/** The message key of each event, under `notifications.text` (and `notifications.events` for its preference). */
export const EVENT_KEYS: Readonly<Record<NotificationEvent, string>> = {
  'case.reported': 'caseReported',
  'case.status_changed': 'caseStatusChanged',
  'task.assigned': 'taskAssigned',
  'handoff.requested': 'handoffRequested',
  'message.review_requested': 'messageReviewRequested',
  'message.review_escalated': 'messageReviewEscalated',
  'message.changes_requested': 'messageChangesRequested',
  'message.approved': 'messageApproved',
  'message.published': 'messagePublished',
  'message.withdrawn': 'messageWithdrawn',
  'legal.clock_reminder': 'legalClockReminder',
  'log.public_entry': 'logPublicEntry',
}

/**
 * A notification in words, in the user's language, and where it leads: the case workspace for staff, the portal for
 * a client. A client reads statuses in the portal's words. Values the client does not know are shown as sent.
 */
export function useNotificationText() {
  const { t, te } = useI18n()
  const { roles } = storeToRefs(useSessionStore())
  const staff = computed(() => canAccess('cases', roles.value))
  const client = computed(() => !staff.value && canAccess('portal', roles.value))

  function label(prefix: string, value: string | null | undefined): string {
    if (value === null || value === undefined) {
      return ''
    }
    const key = `${prefix}.${value}`
    return te(key) ? t(key) : value
  }

  function text(n: NotificationView): string {
    const caseTitle = n.caseTitle ?? t('notifications.someCase')
    switch (n.event) {
      case 'case.reported':
        return n.tenantName
          ? t('notifications.text.caseReported', { caseTitle, tenantName: n.tenantName })
          : t('notifications.text.caseReportedOwn', { caseTitle })
      case 'case.status_changed':
        return t('notifications.text.caseStatusChanged', {
          caseTitle,
          status: label(staff.value ? 'cases.status' : 'portal.status', n.detail),
        })
      case 'task.assigned':
        return t('notifications.text.taskAssigned', { caseTitle, task: n.detail ?? '' })
      case 'handoff.requested':
        return t('notifications.text.handoffRequested', { caseTitle, workstream: label('cases.workstream', n.detail) })
      case 'message.review_requested':
      case 'message.review_escalated':
      case 'message.changes_requested':
      case 'message.approved':
      case 'message.published':
      case 'message.withdrawn':
        // the detail is the message's title
        return t(`notifications.text.${EVENT_KEYS[n.event]}`, { caseTitle, message: n.detail ?? '' })
      case 'legal.clock_reminder':
        // the detail is the rule's name and the last day
        return t('notifications.text.legalClockReminder', { caseTitle, deadline: n.detail ?? '' })
      case 'log.public_entry':
        // the detail is the entry's first words
        return t('notifications.text.logPublicEntry', { caseTitle, entry: n.detail ?? '' })
      default:
        // an event this client does not know yet
        return t('notifications.text.other', { caseTitle })
    }
  }

  function link(n: NotificationView): RouteLocationRaw | null {
    if (n.caseId === null) {
      return null
    }
    if (staff.value) {
      if (n.event.startsWith('message.')) {
        return { name: 'case', params: { id: n.caseId }, query: { tab: 'messages' } }
      }
      if (n.event === 'log.public_entry') {
        return { name: 'case', params: { id: n.caseId }, query: { tab: 'log' } }
      }
      return n.event.startsWith('legal.')
        ? { name: 'case', params: { id: n.caseId }, query: { tab: 'legal' } }
        : { name: 'case', params: { id: n.caseId } }
    }
    return client.value ? { name: 'portal' } : null
  }

  return { text, link }
}
