import { describe, expect, it } from 'vitest'
import { isValidSlug, suggestSlug } from './tenants'

describe('suggestSlug', () => {
  it.each([
    ['Helio Cloud', 'helio-cloud'],
    ['Société Générale de Café', 'societe-generale-de-cafe'],
    ['  --ACME & Co.  ', 'acme-co'],
    ['L’Oréal', 'l-oreal'],
    ['Ünïcödé ÆØ', 'unicode'],
    ['x'.repeat(80), 'x'.repeat(63)],
    ['', ''],
  ])('%s gives %s', (name, slug) => {
    expect(suggestSlug(name)).toBe(slug)
  })

  it('never ends a cut slug with a dash', () => {
    expect(suggestSlug(`${'a'.repeat(62)} b`)).toBe('a'.repeat(62))
  })
})

describe('isValidSlug', () => {
  it.each([
    ['helio-cloud', true],
    ['a1', true],
    ['0-day', true],
    ['a'.repeat(63), true],
    ['a', false],
    ['a'.repeat(64), false],
    ['-helio', false],
    ['Helio', false],
    ['helio_cloud', false],
    ['helio cloud', false],
    ['', false],
  ])('%s is %s', (slug, valid) => {
    expect(isValidSlug(slug)).toBe(valid)
  })
})
