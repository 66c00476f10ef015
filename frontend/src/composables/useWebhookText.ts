import { useI18n } from 'vue-i18n'
import { NOTIFICATION_EVENTS, type NotificationEvent } from '@/api/notifications'
import type { Webhook } from '@/api/webhooks'

/** The events a webhook can subscribe to: those people are notified of. */
export const WEBHOOK_EVENTS: readonly NotificationEvent[] = NOTIFICATION_EVENTS

const KEYS: Record<string, string> = {
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
  'webhook.test': 'webhookTest',
}

/** The i18n key of an event code (`admin.webhooks.eventNames.<key>`); unknown codes fall back to `other`. */
export function webhookEventKey(event: string): string {
  return KEYS[event] ?? 'other'
}

/** Texts of a webhook shared by its row and its log: who receives it. */
export function useWebhookText() {
  const { t } = useI18n()

  function ownerText(webhook: Webhook): string {
    if (webhook.owner === 'FIRM' && webhook.firm) {
      return t('admin.webhooks.firmOwner', { firm: t(`firms.${webhook.firm}`) })
    }
    return webhook.tenantName ?? webhook.tenantId ?? ''
  }

  function eventText(event: string): string {
    return t(`admin.webhooks.eventNames.${webhookEventKey(event)}`, { code: event })
  }

  return { ownerText, eventText }
}
