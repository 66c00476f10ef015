import type { AuditEvent } from '@/api/audit'
import type { Me } from '@/api/me'
import type { Tenant } from '@/api/tenants'
import type { User } from '@/api/users'

export const lawyer: Me = {
  subject: '6f1c2a55-0000-4000-8000-000000000001',
  username: 'lawyer',
  name: 'Louise Avocat',
  roles: ['lawyer'],
  firm: 'LEGAL',
  tenant: null,
}

export const client: Me = {
  subject: '6f1c2a55-0000-4000-8000-000000000002',
  username: 'client',
  name: null,
  roles: ['client'],
  firm: null,
  tenant: { id: '6f1c2a55-0000-4000-8000-0000000000aa', name: 'Helio Cloud' },
}

export const admin: Me = {
  subject: '6f1c2a55-0000-4000-8000-000000000003',
  username: 'admin',
  name: 'Ada Admin',
  roles: ['platform_admin', 'default-roles-taskforce', 'offline_access'],
  firm: null,
  tenant: null,
}

export const consultant: Me = {
  subject: '6f1c2a55-0000-4000-8000-000000000004',
  username: 'consultant',
  name: 'Camille Conseil',
  roles: ['consultant'],
  firm: 'COMMUNICATION',
  tenant: null,
}

export const helio: Tenant = {
  id: '7a000000-0000-4000-8000-000000000001',
  slug: 'helio-cloud',
  name: 'Helio Cloud',
  locale: 'fr',
  active: true,
  createdAt: '2026-03-10T09:30:00Z',
}

export const bistro: Tenant = {
  id: '7a000000-0000-4000-8000-000000000002',
  slug: 'bistro-nord',
  name: 'Bistro Nord',
  locale: 'en',
  active: false,
  createdAt: '2026-04-01T16:00:00Z',
}

export function clientUser(overrides: Partial<User> = {}): User {
  return {
    id: '7b000000-0000-4000-8000-000000000001',
    username: 'claire.client',
    email: 'claire@helio.example',
    firstName: 'Claire',
    lastName: 'Client',
    role: 'client',
    tenantId: helio.id,
    active: true,
    createdAt: '2026-03-11T10:00:00Z',
    invitation: { status: 'SENT', requestedAt: '2026-03-11T10:00:00Z', sentAt: '2026-03-11T10:00:02Z', failedAt: null, attempts: 1, lastError: null },
    ...overrides,
  }
}

export function auditEvent(seq: number, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    seq,
    occurredAt: `2026-05-0${Math.min(seq, 9)}T12:00:00Z`,
    actor: { subject: admin.subject, username: 'admin', roles: ['platform_admin'], firm: null },
    action: 'tenant.created',
    entityType: 'tenant',
    entityId: helio.id,
    changes: null,
    ip: '203.0.113.7',
    userAgent: 'Firefox',
    requestId: `req-${seq}`,
    clientRequestId: null,
    prevHash: String(seq - 1).padStart(64, '0'),
    hash: `${seq}`.padStart(2, '0') + 'ab'.repeat(31),
    ...overrides,
  }
}
