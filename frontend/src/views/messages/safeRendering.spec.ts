import { describe, expect, it } from 'vitest'

/** Every component of the application, as source text. */
const sources = import.meta.glob('/src/**/*.vue', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

describe('Safe rendering', () => {
  it('finds the components to scan', () => {
    expect(Object.keys(sources)).toContain('/src/components/MessageWords.vue')
    expect(Object.keys(sources).length).toBeGreaterThan(50)
  })

  it('uses no v-html nor innerHTML anywhere: words are rendered as text or Vue nodes', () => {
    const offending = Object.entries(sources)
      .filter(([, source]) => /v-html|innerHTML/.test(source))
      .map(([path]) => path)
    expect(offending).toEqual([])
  })
})
