import { apiFetch } from './http'

export type Firm = 'LEGAL' | 'COMMUNICATION' | 'REPUTATION'

export interface TenantRef {
  id: string
  name: string
}

/** The signed-in user, as `GET /api/v1/me` returns it. */
export interface Me {
  subject: string
  username: string
  name: string | null
  roles: string[]
  firm: Firm | null
  tenant: TenantRef | null
}

export function fetchMe(): Promise<Me> {
  return apiFetch<Me>('/api/v1/me')
}
