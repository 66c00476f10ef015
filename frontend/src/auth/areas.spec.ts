import { describe, expect, it } from 'vitest'
import { AREAS, AREA_ACCESS, areasFor, canAccess, canDo, knownRoles, type Area, type CaseAction } from './areas'

describe('areasFor', () => {
  it.each<[string, string[], Area[]]>([
    ['platform_admin', ['platform_admin'], ['home', 'admin', 'audit']],
    ['consultant', ['consultant'], ['home', 'cases', 'messages', 'legal', 'reputation', 'audit']],
    ['lawyer', ['lawyer'], ['home', 'cases', 'messages', 'legal', 'reputation', 'audit']],
    ['reputation_specialist', ['reputation_specialist'], ['home', 'cases', 'legal', 'reputation', 'audit']],
    ['client', ['client'], ['home', 'portal']],
    ['no role', [], ['home']],
    ['only Keycloak defaults', ['offline_access', 'uma_authorization', 'default-roles-taskforce'], ['home']],
    ['lawyer and client', ['client', 'lawyer'], ['home', 'cases', 'messages', 'legal', 'reputation', 'portal', 'audit']],
  ])('%s sees the right areas in navigation order', (_label, roles, expected) => {
    expect(areasFor(roles)).toEqual(expected)
  })
})

describe('canAccess', () => {
  it.each<[Area, string, boolean]>([
    ['home', 'client', true],
    ['cases', 'client', false],
    ['cases', 'reputation_specialist', true],
    ['messages', 'reputation_specialist', false],
    ['messages', 'consultant', true],
    ['legal', 'client', false],
    ['reputation', 'lawyer', true],
    ['portal', 'consultant', false],
    ['portal', 'client', true],
    ['admin', 'consultant', false],
    ['admin', 'platform_admin', true],
    ['audit', 'client', false],
    ['audit', 'platform_admin', true],
  ])('%s for %s is %s', (area, role, expected) => {
    expect(canAccess(area, [role])).toBe(expected)
  })

  it('matches role names exactly', () => {
    expect(canAccess('admin', ['PLATFORM_ADMIN'])).toBe(false)
    expect(canAccess('cases', ['lawyer '])).toBe(false)
  })

  it('describes every area', () => {
    expect(Object.keys(AREA_ACCESS).sort()).toEqual([...AREAS].sort())
  })
})

describe('knownRoles', () => {
  it('keeps only application roles, in a stable order', () => {
    expect(knownRoles(['offline_access', 'lawyer', 'platform_admin'])).toEqual(['platform_admin', 'lawyer'])
  })
})

describe('canDo', () => {
  it.each<[CaseAction, string, boolean]>([
    ['reportIncident', 'client', true],
    ['reportIncident', 'reputation_specialist', true],
    ['reportIncident', 'platform_admin', false],
    ['watchIntake', 'consultant', true],
    ['watchIntake', 'lawyer', false],
    ['triage', 'consultant', true],
    ['triage', 'lawyer', false],
    ['triage', 'client', false],
    ['changeStatus', 'reputation_specialist', false],
    ['manageTeam', 'consultant', true],
    ['manageTeam', 'platform_admin', false],
  ])('%s for %s is %s', (action, role, expected) => {
    expect(canDo(action, [role])).toBe(expected)
  })
})
