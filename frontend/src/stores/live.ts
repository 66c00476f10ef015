import { ref } from 'vue'
import { defineStore } from 'pinia'
import { connectLive, type LiveConnection, type LiveEvent, type LiveOptions, type LiveState, type LiveTopic } from '@/api/live'

export type LiveHandler = (event: LiveEvent) => void

/**
 * The one live-updates connection of the signed-in session (started by the shell, see useLiveUpdates), and who
 * listens to which topic. Views subscribe with `onLive` and are told what changed; they refetch what they show.
 */
export const useLiveStore = defineStore('live', () => {
  const state = ref<LiveState | 'idle'>('idle')
  const listeners = new Map<LiveTopic, Set<LiveHandler>>()
  let connection: LiveConnection | null = null

  /** Opens the connection, once: later calls do nothing while it is open. */
  function start(connect: (options: LiveOptions) => LiveConnection = connectLive): void {
    if (connection) {
      return
    }
    connection = connect({ onEvent: publish, onState: (next) => (state.value = next) })
  }

  function stop(): void {
    connection?.close()
    connection = null
    state.value = 'idle'
  }

  /** Calls `handler` for each event of `topic`; returns the function that stops it. */
  function on(topic: LiveTopic, handler: LiveHandler): () => void {
    let handlers = listeners.get(topic)
    if (!handlers) {
      handlers = new Set()
      listeners.set(topic, handlers)
    }
    handlers.add(handler)
    return () => {
      listeners.get(topic)?.delete(handler)
    }
  }

  /** Tells the listeners of the event's topic (the connection calls it for each message). */
  function publish(event: LiveEvent): void {
    for (const handler of [...(listeners.get(event.topic) ?? [])]) {
      try {
        handler(event)
      } catch (error) {
        console.error(`A listener of live "${event.topic}" updates failed`, error)
      }
    }
  }

  return { state, start, stop, on, publish }
})
