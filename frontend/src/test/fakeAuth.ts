import { vi } from 'vitest'
import { setAuthClient, type AuthClient } from '@/auth/keycloak'

export interface FakeAuth extends AuthClient {
  token: string | undefined
  updateToken: ReturnType<typeof vi.fn<(minValidity: number) => Promise<boolean>>>
  login: ReturnType<typeof vi.fn<() => Promise<void>>>
  logout: ReturnType<typeof vi.fn<(options?: { redirectUri?: string }) => Promise<void>>>
}

/** An in-memory stand-in for keycloak-js, installed as the application's auth client. */
export function installFakeAuth(token = 'token-1'): FakeAuth {
  const fake: FakeAuth = {
    token,
    updateToken: vi.fn((_minValidity: number) => Promise.resolve(false)),
    login: vi.fn(() => Promise.resolve()),
    logout: vi.fn((_options?: { redirectUri?: string }) => Promise.resolve()),
  }
  setAuthClient(fake)
  return fake
}
