import { apiFetch } from './http'
import type { components } from './schema'

/** An active staff member of one of the three firms. */
export type StaffMember = components['schemas']['DirectoryController.StaffMember']
export type TenantName = components['schemas']['DirectoryController.TenantName']

export function listStaffDirectory(): Promise<StaffMember[]> {
  return apiFetch<StaffMember[]>('/api/v1/directory/staff')
}

export function listTenantNames(): Promise<TenantName[]> {
  return apiFetch<TenantName[]>('/api/v1/directory/tenants')
}
