import { afterEach, describe, expect, it, vi } from 'vitest'
import { installFakeAuth } from '@/test/fakeAuth'
import { sseResponse, type SseResponse } from '@/test/sse'
import { connectLive, FIRST_RETRY_MS, MAX_RETRY_MS, parseLiveEvent, retryDelay, type LiveConnection, type LiveEvent, type LiveState } from './live'

interface Call {
  url: string
  headers: Headers
  signal: AbortSignal | null | undefined
}

/**
 * A fake fetch answering each call with the next response given (a stream or a plain failure); once they are used up
 * it never answers, so the connection stays pending until closed.
 */
function fakeServer(...responses: (SseResponse | Response)[]) {
  const calls: Call[] = []
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers), signal: init?.signal })
    const next = responses.shift()
    if (next === undefined) {
      return new Promise<Response>(() => {})
    }
    return Promise.resolve(next instanceof Response ? next : next.response)
  })
  return { calls, fetch: fetch as unknown as typeof globalThis.fetch, spy: fetch }
}

let connection: LiveConnection | null = null
afterEach(() => connection?.close())

function open(server: ReturnType<typeof fakeServer>, random = () => 1) {
  const events: LiveEvent[] = []
  const states: LiveState[] = []
  const delays: number[] = []
  connection = connectLive({
    fetch: server.fetch,
    onEvent: (event) => events.push(event),
    onState: (state) => states.push(state),
    wait: (ms) => {
      delays.push(ms)
      return Promise.resolve()
    },
    random,
  })
  return { events, states, delays, connection }
}

describe('The live updates client', () => {
  it('sends the token in the Authorization header, never in the URL, after refreshing it', async () => {
    const auth = installFakeAuth('secret-token')
    const server = fakeServer(sseResponse())
    open(server)

    await vi.waitFor(() => expect(server.calls).toHaveLength(1))
    const [call] = server.calls
    expect(call?.url).toBe('/api/v1/live')
    expect(call?.url).not.toContain('secret-token')
    expect(call?.headers.get('Authorization')).toBe('Bearer secret-token')
    expect(call?.headers.get('Accept')).toBe('text/event-stream')
    expect(call?.headers.has('Last-Event-ID')).toBe(false)
    expect(auth.updateToken).toHaveBeenCalledWith(30)
    expect(auth.updateToken.mock.invocationCallOrder[0]).toBeLessThan(server.spy.mock.invocationCallOrder[0] ?? 0)
  })

  it('delivers the topic and case of each message; comments, retry, unknown topics and bad data are harmless', async () => {
    installFakeAuth()
    const stream = sseResponse()
    const { events, states } = open(fakeServer(stream))
    await vi.waitFor(() => expect(states).toContain('open'))

    stream.write(': keep-alive\n\nretry: 5000\n\n')
    stream.send('1', 'intake')
    stream.write('event: weather\ndata: {"topic":"weather"}\n\ndata: not json\n\n')
    stream.send('2', 'case', 'c-1')

    await vi.waitFor(() => expect(events).toHaveLength(2))
    expect(events).toEqual([
      { topic: 'intake', caseId: null },
      { topic: 'case', caseId: 'c-1' },
    ])
    expect(states).not.toContain('waiting')
  })

  it('connects again after an error with a refreshed token and the last event id', async () => {
    const auth = installFakeAuth('token-1')
    auth.updateToken.mockImplementation(() => {
      auth.token = `token-${auth.updateToken.mock.calls.length}`
      return Promise.resolve(true)
    })
    const first = sseResponse()
    const server = fakeServer(first, sseResponse())
    const { events } = open(server)
    await vi.waitFor(() => expect(server.calls).toHaveLength(1))

    first.send('41', 'tasks')
    first.write(': no id on a comment\n\n')
    await vi.waitFor(() => expect(events).toHaveLength(1))
    first.fail()

    await vi.waitFor(() => expect(server.calls).toHaveLength(2))
    const again = server.calls[1]
    expect(again?.url).toBe('/api/v1/live')
    expect(again?.headers.get('Last-Event-ID')).toBe('41')
    expect(again?.headers.get('Authorization')).toBe('Bearer token-2')
    expect(server.calls.map((c) => c.url).join()).not.toContain('token')
    expect(connection?.lastEventId).toBe('41')
  })

  it('connects again when the server ends the stream, honouring its retry', async () => {
    installFakeAuth()
    const first = sseResponse()
    const server = fakeServer(first)
    const { delays } = open(server)
    await vi.waitFor(() => expect(server.calls).toHaveLength(1))

    first.write('retry: 3000\n\n')
    first.send('7', 'notifications')
    first.end()

    await vi.waitFor(() => expect(server.calls).toHaveLength(2))
    expect(delays).toEqual([3000])
    expect(server.calls[1]?.headers.get('Last-Event-ID')).toBe('7')
  })

  it('waits longer after each failure in a row, and from the start again once connected', async () => {
    installFakeAuth()
    const fine = sseResponse()
    const failure = () => new Response('{"title":"Unavailable"}', { status: 503, headers: { 'Content-Type': 'application/problem+json' } })
    const server = fakeServer(failure(), failure(), new Response('<html>', { headers: { 'Content-Type': 'text/html' } }), fine)
    const { delays, states } = open(server)

    await vi.waitFor(() => expect(states).toContain('open'))
    expect(delays).toEqual([2 * FIRST_RETRY_MS, 4 * FIRST_RETRY_MS, 8 * FIRST_RETRY_MS])
    fine.end()
    await vi.waitFor(() => expect(server.calls).toHaveLength(5))
    expect(delays).toEqual([2000, 4000, 8000, FIRST_RETRY_MS])
  })

  it('forces a token refresh after a 401, and starts a login when the token cannot be refreshed', async () => {
    const auth = installFakeAuth()
    auth.updateToken.mockResolvedValueOnce(false).mockRejectedValueOnce(new Error('refresh token expired'))
    const server = fakeServer(new Response(null, { status: 401 }))
    const { states } = open(server)

    await vi.waitFor(() => expect(states.at(-1)).toBe('closed'))
    expect(auth.updateToken.mock.calls).toEqual([[30], [-1]])
    expect(auth.login).toHaveBeenCalledOnce()
    expect(server.calls).toHaveLength(1)
  })

  it('ends the connection on close and opens no other', async () => {
    installFakeAuth()
    const server = fakeServer(sseResponse())
    const { states, connection: live } = open(server)
    await vi.waitFor(() => expect(states).toContain('open'))

    live.close()

    await vi.waitFor(() => expect(states.at(-1)).toBe('closed'))
    expect(server.calls[0]?.signal?.aborted).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(server.calls).toHaveLength(1)
  })
})

describe('parseLiveEvent', () => {
  it.each([
    [{ event: 'case', data: '{"topic":"case","caseId":"c-1"}' }, { topic: 'case', caseId: 'c-1' }],
    [{ event: 'intake', data: '{"caseId":null}' }, { topic: 'intake', caseId: null }],
    [{ event: 'tasks', data: '{"topic":"tasks","caseId":42}' }, { topic: 'tasks', caseId: null }],
    [{ event: '', data: '' }, null],
    [{ event: 'case', data: 'null' }, null],
    [{ event: 'case', data: '{"topic":"weather"}' }, null],
    [{ event: 'case', data: '{' }, null],
  ])('%j gives %j', (message, expected) => {
    expect(parseLiveEvent(message)).toEqual(expected)
  })
})

describe('retryDelay', () => {
  it.each([
    [0, 1000, 1, 1000],
    [0, 1000, 0, 500],
    [1, 1000, 1, 2000],
    [3, 1000, 0.5, 6000],
    [10, 1000, 1, MAX_RETRY_MS],
    [100, 1000, 0, MAX_RETRY_MS / 2],
    [1, 3000, 1, 6000],
  ])('%i failures, base %i, random %f: %i ms', (failures, base, random, expected) => {
    expect(retryDelay(failures, base, () => random)).toBe(expected)
  })
})
