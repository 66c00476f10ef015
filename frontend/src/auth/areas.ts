/**
 * Which areas of the application each role may open. Pure data and functions: the navigation,
 * the router guard and the home page all read this one table.
 */
export const ROLES = ['platform_admin', 'consultant', 'lawyer', 'reputation_specialist', 'client'] as const
export type Role = (typeof ROLES)[number]

/** Areas in navigation order. */
export const AREAS = ['home', 'cases', 'messages', 'legal', 'reputation', 'portal', 'admin', 'audit'] as const
export type Area = (typeof AREAS)[number]

/** `everyone` means any signed-in user, whatever their roles. */
export const AREA_ACCESS: Readonly<Record<Area, 'everyone' | readonly Role[]>> = {
  home: 'everyone',
  cases: ['consultant', 'lawyer', 'reputation_specialist'],
  messages: ['consultant', 'lawyer'],
  legal: ['lawyer', 'consultant', 'reputation_specialist'],
  reputation: ['reputation_specialist', 'consultant', 'lawyer'],
  portal: ['client'],
  admin: ['platform_admin'],
  audit: ['platform_admin', 'consultant', 'lawyer', 'reputation_specialist'],
}

export const AREA_PATHS: Readonly<Record<Area, string>> = {
  home: '/',
  cases: '/cases',
  messages: '/messages',
  legal: '/legal',
  reputation: '/reputation',
  portal: '/portal',
  admin: '/admin',
  audit: '/audit',
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

export function isArea(value: unknown): value is Area {
  return typeof value === 'string' && (AREAS as readonly string[]).includes(value)
}

export function canAccess(area: Area, roles: readonly string[]): boolean {
  const allowed = AREA_ACCESS[area]
  return allowed === 'everyone' || roles.some((role) => isRole(role) && allowed.includes(role))
}

/** The areas a user with these roles may open, in navigation order. */
export function areasFor(roles: readonly string[]): Area[] {
  return AREAS.filter((area) => canAccess(area, roles))
}

/** The roles the application knows, in a stable order; others (Keycloak defaults) are ignored. */
export function knownRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role))
}

/**
 * What each role may do on cases, beyond opening an area (DESIGN.md §2). The API decides in the end; the
 * interface shows only what the user may do.
 */
export const CASE_ACTIONS = ['reportIncident', 'watchIntake', 'triage', 'changeStatus', 'manageTeam'] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export const CASE_ACTION_ROLES: Readonly<Record<CaseAction, readonly Role[]>> = {
  reportIncident: ['consultant', 'lawyer', 'reputation_specialist', 'client'],
  watchIntake: ['consultant'],
  triage: ['consultant'],
  changeStatus: ['consultant'],
  manageTeam: ['consultant'],
}

export function canDo(action: CaseAction, roles: readonly string[]): boolean {
  return roles.some((role) => isRole(role) && CASE_ACTION_ROLES[action].includes(role))
}
