import { authClient } from '@/auth/keycloak'
import { ApiProblem, type FieldError } from './problem'

export { ApiProblem }
export type { FieldError }

/** Seconds of validity the token must still have before a call; refreshed otherwise. */
export const MIN_TOKEN_VALIDITY = 30

/**
 * Calls the API as the signed-in user: refreshes the token if needed, adds the bearer token, parses JSON.
 * Failures throw an {@link ApiProblem}; a 401 (or a token that cannot be refreshed) also starts a new login.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const auth = authClient()
  try {
    await auth.updateToken(MIN_TOKEN_VALIDITY)
  } catch {
    await auth.login()
    throw new ApiProblem({ title: 'Unauthorized', status: 401, detail: 'The session has expired' })
  }
  const headers = new Headers(init.headers)
  headers.set('Accept', 'application/json, application/problem+json')
  if (auth.token) {
    headers.set('Authorization', `Bearer ${auth.token}`)
  }
  // a FormData body (a file upload) carries its own multipart Content-Type, boundary included
  if (init.body !== undefined && init.body !== null && !(init.body instanceof FormData) && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json')
  }

  const response = await fetch(path, { ...init, headers })

  if (response.status === 401) {
    await auth.login()
    throw await toProblem(response)
  }
  if (!response.ok) {
    throw await toProblem(response)
  }
  if (response.status === 204 || response.headers.get('Content-Length') === '0') {
    return undefined as T
  }
  return (await response.json()) as T
}

/** Sends a JSON body. */
export function apiSend<T>(path: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown): Promise<T> {
  return apiFetch<T>(path, { method, body: body === undefined ? undefined : JSON.stringify(body) })
}

async function toProblem(response: Response): Promise<ApiProblem> {
  const contentType = response.headers.get('Content-Type') ?? ''
  if (contentType.includes('application/problem+json')) {
    try {
      const body: unknown = await response.json()
      if (typeof body === 'object' && body !== null) {
        const p = body as Record<string, unknown>
        return new ApiProblem({
          title: typeof p.title === 'string' ? p.title : response.statusText || `HTTP ${response.status}`,
          status: typeof p.status === 'number' ? p.status : response.status,
          detail: typeof p.detail === 'string' ? p.detail : undefined,
          type: typeof p.type === 'string' ? p.type : undefined,
          requestId: typeof p.requestId === 'string' ? p.requestId : undefined,
          errors: Array.isArray(p.errors) ? p.errors.filter(isFieldError) : undefined,
        })
      }
    } catch {
      // fall through to a problem built from the status line
    }
  }
  return new ApiProblem({ title: response.statusText || `HTTP ${response.status}`, status: response.status })
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) {
    return false
  }
  const e = value as Record<string, unknown>
  return (typeof e.field === 'string' || e.field === null) && typeof e.message === 'string'
}
