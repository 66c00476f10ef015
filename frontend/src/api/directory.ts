import { apiFetch } from './http'
import type { Workstream } from './cases'

/** An active staff member of one of the three firms. */
export interface StaffMember {
  id: string
  name: string
  username: string
  role: string
  firm: Workstream
}

export interface TenantName {
  id: string
  name: string
}

export function listStaffDirectory(): Promise<StaffMember[]> {
  return apiFetch<StaffMember[]>('/api/v1/directory/staff')
}

export function listTenantNames(): Promise<TenantName[]> {
  return apiFetch<TenantName[]>('/api/v1/directory/tenants')
}
