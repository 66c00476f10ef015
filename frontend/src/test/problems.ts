import { HttpResponse } from 'msw'

/** An `application/problem+json` response, as the API sends it. */
export function problem(
  status: number,
  detail: string,
  errors: { field: string | null; message: string }[] = [],
) {
  return HttpResponse.json(
    { type: 'about:blank', title: `HTTP ${status}`, status, detail, instance: '/api/v1', requestId: 'req-1', errors },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )
}
