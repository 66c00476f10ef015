import { ref } from 'vue'
import { listNotifications, type NotificationView } from '@/api/notifications'
import { useKeysetList } from '@/composables/useKeysetList'
import { onLive } from '@/composables/useLiveUpdates'
import { useProblem } from '@/composables/useProblem'
import { useNotificationStore } from '@/stores/notifications'

/**
 * My notifications, newest first, `limit` a page (the API's default when absent), read again when the server says
 * they changed; marking one or all read updates the list and the bell's count.
 */
export function useNotificationList(limit?: number) {
  const { describe } = useProblem()
  const store = useNotificationStore()
  const list = useKeysetList((after) => listNotifications(after, limit))
  const actionProblem = ref<string | null>(null)
  const markingAll = ref(false)

  onLive('notifications', () => void list.refresh())

  const same = (a: NotificationView, b: NotificationView): boolean => a.id === b.id

  async function markRead(notification: NotificationView): Promise<void> {
    actionProblem.value = null
    try {
      list.upsert(await store.markRead(notification), same)
    } catch (e) {
      actionProblem.value = describe(e)
    }
  }

  async function markAllRead(): Promise<void> {
    actionProblem.value = null
    markingAll.value = true
    try {
      await store.markAllRead()
      const now = new Date().toISOString()
      list.items.value = list.items.value.map((n) => (n.readAt ? n : { ...n, readAt: now }))
    } catch (e) {
      actionProblem.value = describe(e)
    } finally {
      markingAll.value = false
    }
  }

  return { list, actionProblem, markingAll, markRead, markAllRead }
}
