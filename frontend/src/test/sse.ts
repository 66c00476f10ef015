/** A `text/event-stream` response whose messages a spec writes, ends or breaks. */
export function sseResponse(init: { status?: number; headers?: Record<string, string> } = {}) {
  const encoder = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
  })
  return {
    response: new Response(body, {
      status: init.status ?? 200,
      headers: { 'Content-Type': 'text/event-stream', ...init.headers },
    }),
    /** Raw lines of the stream, e.g. `id: 1\nevent: case\ndata: {...}\n\n`. */
    write(text: string): void {
      controller.enqueue(encoder.encode(text))
    },
    /** One message: its id, the topic as the event name, and the JSON data. */
    send(id: string, topic: string, caseId: string | null = null): void {
      this.write(`id: ${id}\nevent: ${topic}\ndata: ${JSON.stringify({ topic, caseId })}\n\n`)
    },
    end(): void {
      controller.close()
    },
    fail(): void {
      controller.error(new TypeError('network error'))
    },
  }
}

export type SseResponse = ReturnType<typeof sseResponse>
