import type { Me } from '@/api/me'

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
