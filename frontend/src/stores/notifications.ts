import { ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { countUnread, markAllNotificationsRead, markNotificationRead, type NotificationView } from '@/api/notifications'

/** How many notifications the signed-in user has not read (the bell's badge), and marking them read. */
export const useNotificationStore = defineStore('notifications', () => {
  const unread = ref(0)
  const error = shallowRef<unknown>(null)
  let generation = 0

  async function refreshUnread(): Promise<void> {
    const mine = ++generation
    try {
      const count = await countUnread()
      if (mine === generation) {
        unread.value = count
        error.value = null
      }
    } catch (e) {
      if (mine === generation) {
        error.value = e
      }
    }
  }

  /** Marks one read and gives it back with its `readAt`; the count is read again from the API. */
  async function markRead(notification: NotificationView): Promise<NotificationView> {
    if (notification.readAt) {
      return notification
    }
    await markNotificationRead(notification.id)
    void refreshUnread()
    return { ...notification, readAt: new Date().toISOString() }
  }

  async function markAllRead(): Promise<void> {
    await markAllNotificationsRead()
    unread.value = 0
    await refreshUnread()
  }

  return { unread, error, refreshUnread, markRead, markAllRead }
})
