import { getCurrentScope, onMounted, onScopeDispose, onUnmounted } from 'vue'
import type { LiveTopic } from '@/api/live'
import { useLiveStore, type LiveHandler } from '@/stores/live'

/**
 * Opens the session's live-updates connection while the calling component (the shell) is mounted. Call it once, from
 * App.vue: the application is mounted only after the sign-in.
 */
export function useLiveUpdates(): void {
  const live = useLiveStore()
  onMounted(() => live.start())
  onUnmounted(() => live.stop())
}

/**
 * Calls `handler` whenever the server says `topic` changed, until the calling component or scope goes away.
 * A `case` event carries the case's id: compare it with the case shown.
 */
export function onLive(topic: LiveTopic, handler: LiveHandler): () => void {
  const off = useLiveStore().on(topic, handler)
  if (getCurrentScope()) {
    onScopeDispose(off)
  }
  return off
}

/** Calls `handler` whenever the server says the case `caseId()` changed (status, team, tasks, hand-offs…). */
export function onCaseChanged(caseId: () => string, handler: () => void): () => void {
  return onLive('case', (event) => {
    if (event.caseId === caseId()) {
      handler()
    }
  })
}
