import { fetchEventSource, type EventSourceMessage } from '@microsoft/fetch-event-source'
import { authClient } from '@/auth/keycloak'
import { enumValues } from './enums'
import { MIN_TOKEN_VALIDITY } from './http'
import type { components } from './schema'

/**
 * What changed: `intake` the intake queue, `case` the case `caseId` (status, team, tasks, hand-offs…), `tasks` my
 * tasks, `notifications` my notifications.
 */
export type LiveTopic = Exclude<components['schemas']['LiveMessage']['topic'], 'ping'>
export const LIVE_TOPICS = enumValues<LiveTopic>({ intake: 1, case: 1, tasks: 1, notifications: 1 })

/** The `data` of a message of the stream (a `ping` is never handed on). */
export interface LiveEvent {
  topic: LiveTopic
  caseId: string | null
}

export const LIVE_PATH = '/api/v1/live'

/** `waiting`: between two connections, after an error or the end of the stream. */
export type LiveState = 'connecting' | 'open' | 'waiting' | 'closed'

/** The first pause before connecting again (the server's `retry` replaces it), doubled after each failure up to the cap. */
export const FIRST_RETRY_MS = 1_000
export const MAX_RETRY_MS = 30_000

export interface LiveOptions {
  onEvent: (event: LiveEvent) => void
  onState?: (state: LiveState) => void
  /** The fetch to use (specs); the browser's otherwise. */
  fetch?: typeof fetch
  /** Waits `ms`, or less if `signal` aborts (specs replace it). */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>
  random?: () => number
}

export interface LiveConnection {
  /** Ends the connection for good. */
  close(): void
  /** The id of the last message received, sent back as `Last-Event-ID` on the next connection. */
  readonly lastEventId: string | null
}

export function isLiveTopic(value: unknown): value is LiveTopic {
  return typeof value === 'string' && (LIVE_TOPICS as readonly string[]).includes(value)
}

/** The event a message carries; null for a comment, a `retry` alone, an unknown topic or data that is not ours. */
export function parseLiveEvent(message: Pick<EventSourceMessage, 'event' | 'data'>): LiveEvent | null {
  if (!message.data) {
    return null
  }
  let data: unknown
  try {
    data = JSON.parse(message.data)
  } catch {
    return null
  }
  if (typeof data !== 'object' || data === null) {
    return null
  }
  const fields = data as Record<string, unknown>
  const topic = fields.topic ?? message.event
  if (!isLiveTopic(topic)) {
    return null
  }
  return { topic, caseId: typeof fields.caseId === 'string' ? fields.caseId : null }
}

/** The pause before the next connection: `base` doubled per failure in a row, capped, and between half and all of it. */
export function retryDelay(failures: number, base: number, random: () => number = Math.random): number {
  const capped = Math.min(MAX_RETRY_MS, base * 2 ** Math.min(failures, 16))
  return Math.round(capped / 2 + (capped / 2) * random())
}

class LiveStreamError extends Error {
  constructor(readonly status: number) {
    super(`The live stream answered HTTP ${status}`)
    this.name = 'LiveStreamError'
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
    function done(): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
  })
}

/**
 * Opens the stream of live updates of the signed-in user and keeps it open until `close()`. The token travels in the
 * `Authorization` header, never in the URL (which is why the browser's EventSource is not used); it is refreshed before
 * each connection, and a 401 forces a refresh. After an error or the end of the stream it connects again after a
 * growing pause, sending the id of the last message received as `Last-Event-ID` so the server can replay what was
 * missed. A token that cannot be refreshed starts a new login and ends the connection.
 */
export function connectLive(options: LiveOptions): LiveConnection {
  const stopper = new AbortController()
  const wait = options.wait ?? pause
  const random = options.random ?? Math.random
  let lastEventId: string | null = null
  let serverRetry: number | null = null
  let failures = 0
  let forceRefresh = false

  function setState(state: LiveState): void {
    options.onState?.(state)
  }

  /** The token to send, or null when the user must sign in again (a login is then started). */
  async function freshToken(): Promise<string | null> {
    let auth
    try {
      auth = authClient()
    } catch {
      return null // signed out: nothing to connect for
    }
    try {
      // -1 forces a refresh: the server refused the current token
      await auth.updateToken(forceRefresh ? -1 : MIN_TOKEN_VALIDITY)
    } catch {
      await auth.login()
      return null
    }
    forceRefresh = false
    if (!auth.token) {
      await auth.login()
      return null
    }
    return auth.token
  }

  function headersFor(token: string): Record<string, string> {
    // lower case, as fetch-event-source spells them (it adds `accept` unless present)
    const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${token}` }
    if (lastEventId !== null) {
      headers['last-event-id'] = lastEventId
    }
    return headers
  }

  function deliver(event: LiveEvent): void {
    try {
      options.onEvent(event)
    } catch (error) {
      // one faulty listener must not end the stream for the others
      console.error('A live update listener failed', error)
    }
  }

  async function run(): Promise<void> {
    while (!stopper.signal.aborted) {
      setState('connecting')
      const token = await freshToken()
      if (token === null || stopper.signal.aborted) {
        break
      }
      try {
        await fetchEventSource(LIVE_PATH, {
          method: 'GET',
          headers: headersFor(token),
          signal: stopper.signal,
          openWhenHidden: true,
          cache: 'no-store',
          ...(options.fetch ? { fetch: options.fetch } : {}),
          async onopen(response) {
            const type = response.headers.get('Content-Type') ?? ''
            if (!response.ok || !type.startsWith('text/event-stream')) {
              throw new LiveStreamError(response.status)
            }
            failures = 0
            setState('open')
          },
          onmessage(message) {
            if (message.id) {
              lastEventId = message.id
            }
            if (message.retry !== undefined && message.retry >= 0) {
              serverRetry = message.retry
            }
            const event = parseLiveEvent(message)
            if (event) {
              deliver(event)
            }
          },
          onerror(error: unknown) {
            // no retry inside the library: the loop refreshes the token and pauses first
            throw error
          },
        })
        // the server ended the stream: connect again after the first pause
      } catch (error) {
        if (error instanceof LiveStreamError && error.status === 401) {
          forceRefresh = true
        }
        failures += 1
      }
      if (stopper.signal.aborted) {
        break
      }
      setState('waiting')
      await wait(retryDelay(failures, serverRetry ?? FIRST_RETRY_MS, random), stopper.signal)
    }
    setState('closed')
  }

  void run()

  return {
    close: () => stopper.abort(),
    get lastEventId() {
      return lastEventId
    },
  }
}
