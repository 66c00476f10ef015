import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { installFakeAuth } from '@/test/fakeAuth'
import { useMswServer } from '@/test/msw'
import { ApiProblem, apiFetch, apiSend } from './http'

const server = useMswServer()

describe('apiFetch', () => {
  it('refreshes the token, then sends it as a bearer token and parses the JSON', async () => {
    const auth = installFakeAuth('old-token')
    auth.updateToken.mockImplementation(() => {
      auth.token = 'fresh-token'
      return Promise.resolve(true)
    })
    let authorization: string | null = null
    server.use(
      http.get('/api/v1/things', ({ request }) => {
        authorization = request.headers.get('Authorization')
        return HttpResponse.json({ id: 1, name: 'thing' })
      }),
    )

    const body = await apiFetch<{ id: number; name: string }>('/api/v1/things')

    expect(body).toEqual({ id: 1, name: 'thing' })
    expect(auth.updateToken).toHaveBeenCalledWith(30)
    expect(authorization).toBe('Bearer fresh-token')
  })

  it('sends a JSON body with its content type', async () => {
    installFakeAuth()
    let received: unknown = null
    let contentType: string | null = null
    server.use(
      http.post('/api/v1/things', async ({ request }) => {
        contentType = request.headers.get('Content-Type')
        received = await request.json()
        return HttpResponse.json({ ok: true }, { status: 201 })
      }),
    )

    await expect(apiSend('/api/v1/things', 'POST', { name: 'x' })).resolves.toEqual({ ok: true })
    expect(received).toEqual({ name: 'x' })
    expect(contentType).toBe('application/json')
  })

  it('returns undefined for 204 No Content', async () => {
    installFakeAuth()
    server.use(http.delete('/api/v1/things/1', () => new HttpResponse(null, { status: 204 })))

    await expect(apiSend('/api/v1/things/1', 'DELETE')).resolves.toBeUndefined()
  })

  it('turns application/problem+json into an ApiProblem', async () => {
    installFakeAuth()
    server.use(
      http.get('/api/v1/things', () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Not your tenant' },
          { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )

    const error: unknown = await apiFetch('/api/v1/things').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiProblem)
    expect(error).toMatchObject({ title: 'Forbidden', status: 403, detail: 'Not your tenant', type: 'about:blank' })
  })

  it('keeps the request id and the field errors of a problem, by field name', async () => {
    installFakeAuth()
    server.use(
      http.post('/api/v1/things', () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            detail: 'must not be blank',
            requestId: 'req-42',
            errors: [
              { field: 'create.request.name', message: 'must not be blank' },
              { field: 'create.request.name', message: 'size must be between 1 and 120' },
              { field: null, message: 'the request is not valid' },
              { nonsense: true },
            ],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )

    const error: unknown = await apiSend('/api/v1/things', 'POST', {}).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiProblem)
    const problem = error as ApiProblem
    expect(problem.requestId).toBe('req-42')
    expect(problem.errors).toHaveLength(3)
    expect(problem.fieldErrors()).toEqual({ name: 'must not be blank' })
  })

  it('names a rejected element of a list by the list', () => {
    const problem = new ApiProblem({
      title: 'Bad Request',
      status: 400,
      errors: [
        { field: 'create.body.urls[1]', message: 'must be a web address' },
        { field: 'create.body.title', message: 'must not be blank' },
      ],
    })

    expect(problem.fieldErrors()).toEqual({ urls: 'must be a web address', title: 'must not be blank' })
  })

  it('describes a failure without a problem body by its status', async () => {
    installFakeAuth()
    server.use(http.get('/api/v1/things', () => new HttpResponse('boom', { status: 500, statusText: 'Server Error' })))

    const error: unknown = await apiFetch('/api/v1/things').catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiProblem)
    expect(error).toMatchObject({ status: 500, title: 'Server Error', detail: undefined })
  })

  it('asks for a new login on 401', async () => {
    const auth = installFakeAuth()
    server.use(
      http.get('/api/v1/things', () =>
        HttpResponse.json(
          { title: 'Unauthorized', status: 401 },
          { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )

    await expect(apiFetch('/api/v1/things')).rejects.toMatchObject({ status: 401 })
    expect(auth.login).toHaveBeenCalledTimes(1)
  })

  it('asks for a new login, without calling the API, when the token cannot be refreshed', async () => {
    const auth = installFakeAuth()
    auth.updateToken.mockRejectedValue(new Error('refresh token expired'))
    let called = false
    server.use(
      http.get('/api/v1/things', () => {
        called = true
        return HttpResponse.json({})
      }),
    )

    await expect(apiFetch('/api/v1/things')).rejects.toMatchObject({ status: 401 })
    expect(auth.login).toHaveBeenCalledTimes(1)
    expect(called).toBe(false)
  })

  it('never writes the token to localStorage or sessionStorage', async () => {
    installFakeAuth('secret-token')
    server.use(http.get('/api/v1/things', () => HttpResponse.json({ ok: true })))

    await apiFetch('/api/v1/things')

    expect(window.localStorage.length).toBe(0)
    expect(window.sessionStorage.length).toBe(0)
    expect(document.cookie).not.toContain('secret-token')
  })

  it('fails clearly when no auth client was installed', async () => {
    await expect(apiFetch('/api/v1/things')).rejects.toThrow(/not initialised/)
  })
})
