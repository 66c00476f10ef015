import type { RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/**
 * One MSW server per spec file; handlers are added per test with `server.use(...)`. `defaults` stay across tests
 * (per-test handlers come first).
 */
export function useMswServer(...defaults: RequestHandler[]) {
  const server = setupServer(...defaults)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}
