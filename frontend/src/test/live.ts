import { http } from 'msw'
import { sseResponse, type SseResponse } from './sse'

/**
 * The server side of the live-updates stream for a spec: records each connection and lets the spec send events on
 * the latest one. Add `handler` with `server.use(...)`.
 */
export function liveChannel() {
  const requests: Request[] = []
  const streams: SseResponse[] = []
  let lastId = 0
  const handler = http.get('/api/v1/live', ({ request }) => {
    requests.push(request)
    const stream = sseResponse()
    streams.push(stream)
    return stream.response
  })
  return {
    handler,
    requests,
    streams,
    /** Sends `topic` (and the case it concerns) on the open connection. */
    send(topic: string, caseId: string | null = null): void {
      const stream = streams.at(-1)
      if (!stream) {
        throw new Error('No live-updates connection is open yet')
      }
      stream.send(String(++lastId), topic, caseId)
    },
  }
}
