import { describe, expect, it } from 'vitest'
import en from './en.json'
import fr from './fr.json'
import { createAppI18n, detectLocale } from './index'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [prefix]
  }
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('detectLocale', () => {
  it.each([
    ['fr', 'en-US', 'fr'],
    ['en', 'fr-FR', 'en'],
    [null, 'fr-FR', 'fr'],
    [null, 'fr', 'fr'],
    [null, 'FR-ca', 'fr'],
    [null, 'en-GB', 'en'],
    [null, 'de-DE', 'en'],
    [null, undefined, 'en'],
    ['de', 'fr-BE', 'fr'],
  ] as const)('saved %s, browser %s gives %s', (saved, browser, expected) => {
    expect(detectLocale(saved, browser)).toBe(expected)
  })
})

describe('messages', () => {
  it('French and English have the same keys', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort())
  })

  it('no message is empty', () => {
    for (const [name, messages] of [['en', en], ['fr', fr]] as const) {
      const empty = keys(messages).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages)
        return typeof value !== 'string' || value.trim() === ''
      })
      expect(empty, name).toEqual([])
    }
  })

  it('sets the page language when created', () => {
    createAppI18n('fr')
    expect(document.documentElement.lang).toBe('fr')
    createAppI18n('en')
    expect(document.documentElement.lang).toBe('en')
  })
})
