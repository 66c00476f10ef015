import { http, HttpResponse } from 'msw'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { installFakeAuth } from '@/test/fakeAuth'
import { lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { useSessionStore } from './session'

const server = useMswServer()

describe('session store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('loads the signed-in user from /api/v1/me with the bearer token', async () => {
    installFakeAuth('abc')
    let authorization: string | null = null
    server.use(
      http.get('/api/v1/me', ({ request }) => {
        authorization = request.headers.get('Authorization')
        return HttpResponse.json(lawyer)
      }),
    )
    const session = useSessionStore()

    await session.load()

    expect(authorization).toBe('Bearer abc')
    expect(session.me).toEqual(lawyer)
    expect(session.displayName).toBe('Louise Avocat')
    expect(session.areas).toContain('legal')
  })

  it('falls back to the username when the name is missing or blank', () => {
    const session = useSessionStore()
    session.set({ ...lawyer, name: '  ' })
    expect(session.displayName).toBe('lawyer')
    session.set({ ...lawyer, name: null })
    expect(session.displayName).toBe('lawyer')
  })

  it('has no roles and only Home before loading', () => {
    const session = useSessionStore()
    expect(session.roles).toEqual([])
    expect(session.areas).toEqual(['home'])
  })
})
