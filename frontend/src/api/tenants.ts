import { apiFetch, apiSend } from './http'
import { PAGE_SIZE, withQuery, type Page } from './page'
import type { NewUser, User } from './users'

export type TenantLocale = 'fr' | 'en'

/** A customer organisation. */
export interface Tenant {
  id: string
  slug: string
  name: string
  locale: TenantLocale
  active: boolean
  /** ISO instant */
  createdAt: string
}

export interface NewTenant {
  name: string
  slug: string
  locale: TenantLocale
}

export interface TenantChanges {
  name?: string
  active?: boolean
}

/** What the API accepts as a slug (checked client-side too). */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/

export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug)
}

/** A slug suggested from a name: "Hélio Cloud SA" gives "helio-cloud-sa". */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '')
}

export function listTenants(after: string | null = null, limit = PAGE_SIZE): Promise<Page<Tenant>> {
  return apiFetch<Page<Tenant>>(withQuery('/api/v1/tenants', { after, limit }))
}

export function createTenant(tenant: NewTenant): Promise<Tenant> {
  return apiSend<Tenant>('/api/v1/tenants', 'POST', tenant)
}

export function getTenant(id: string): Promise<Tenant> {
  return apiFetch<Tenant>(`/api/v1/tenants/${encodeURIComponent(id)}`)
}

/** Renames, deactivates or reactivates a tenant. */
export function updateTenant(id: string, changes: TenantChanges): Promise<Tenant> {
  return apiSend<Tenant>(`/api/v1/tenants/${encodeURIComponent(id)}`, 'PATCH', changes)
}

export function listTenantUsers(tenantId: string, after: string | null = null, limit = PAGE_SIZE): Promise<Page<User>> {
  return apiFetch<Page<User>>(withQuery(`/api/v1/tenants/${encodeURIComponent(tenantId)}/users`, { after, limit }))
}

/** Invites a client user into the tenant: Keycloak e-mails them a link to choose their password. */
export function inviteTenantUser(tenantId: string, user: NewUser): Promise<User> {
  return apiSend<User>(`/api/v1/tenants/${encodeURIComponent(tenantId)}/users`, 'POST', user)
}
