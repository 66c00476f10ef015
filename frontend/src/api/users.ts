import { apiFetch, apiSend } from './http'
import type { components } from './schema'
import { PAGE_SIZE, withQuery, type Page } from './page'

export const USER_ROLES = ['client', 'consultant', 'lawyer', 'reputation_specialist', 'platform_admin'] as const
export type UserRole = (typeof USER_ROLES)[number]

/** The roles a staff member of the three firms may be invited with. */
export const STAFF_ROLES = ['consultant', 'lawyer', 'reputation_specialist'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]

export interface User {
  id: string
  username: string
  email: string | null
  firstName: string | null
  lastName: string | null
  role: UserRole
  tenantId: string | null
  active: boolean
  /** ISO instant */
  createdAt: string
  /** The latest invitation e-mail; null for people never invited through the product. */
  invitation: Invitation | null
}

/** Where an invitation e-mail stands: PENDING (waiting, or being retried), SENT, or FAILED (given up: resend it). */
export type Invitation = components['schemas']['InvitationView']
export type InvitationStatus = Invitation['status']

/** Full name, or the username when the names are missing. */
export function displayName(user: Pick<User, 'firstName' | 'lastName' | 'username'>): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ').trim() || user.username
}

export interface NewUser {
  email: string
  firstName: string
  lastName: string
}

export interface NewStaff extends NewUser {
  role: StaffRole
}

/** The staff of the three firms. */
export function listStaff(after: string | null = null, limit = PAGE_SIZE): Promise<Page<User>> {
  return apiFetch<Page<User>>(withQuery('/api/v1/staff', { after, limit }))
}

/** Invites a staff member: Keycloak e-mails them a link to choose a password and set up a second factor. */
export function inviteStaff(staff: NewStaff): Promise<User> {
  return apiSend<User>('/api/v1/staff', 'POST', staff)
}

/** Where the person's latest invitation stands. */
export function getInvitation(userId: string): Promise<Invitation> {
  return apiFetch<Invitation>(`/api/v1/users/${encodeURIComponent(userId)}/invitation`)
}

/** Sends the person a new invitation e-mail; it goes shortly after (PENDING until then). */
export function resendInvitation(userId: string): Promise<Invitation> {
  return apiSend<Invitation>(`/api/v1/users/${encodeURIComponent(userId)}/invitation`, 'POST')
}

/** Deactivates or reactivates a user. */
export function setUserActive(id: string, active: boolean): Promise<User> {
  return apiSend<User>(`/api/v1/users/${encodeURIComponent(id)}`, 'PATCH', { active })
}
