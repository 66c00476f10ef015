import { http, HttpResponse, type RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/**
 * What the shell asks for on every page, quiet: no unread notification, and a live-updates stream that stays open
 * and says nothing. Specs about them replace these with `server.use(...)` (see test/live.ts).
 */
export const shellHandlers: RequestHandler[] = [
  http.get('/api/v1/notifications/unread', () => HttpResponse.json({ count: 0 })),
  http.get(
    '/api/v1/live',
    () => new HttpResponse(new ReadableStream<Uint8Array>(), { headers: { 'Content-Type': 'text/event-stream' } }),
  ),
]

/**
 * One MSW server per spec file; handlers are added per test with `server.use(...)`. `defaults` stay across tests
 * (per-test handlers come first), then the shell's quiet defaults.
 */
export function useMswServer(...defaults: RequestHandler[]) {
  const server = setupServer(...defaults, ...shellHandlers)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}
