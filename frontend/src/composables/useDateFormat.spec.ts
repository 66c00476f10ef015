import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { render } from '@testing-library/vue'
import { createAppI18n, type Locale } from '@/i18n'
import { useDateFormat } from './useDateFormat'

/** Formats `value` with the composable inside a component, as the views do, and returns the text shown. */
function shown(locale: Locale, use: (f: ReturnType<typeof useDateFormat>) => string): string {
  const Probe = defineComponent({
    setup() {
      const formats = useDateFormat()
      return () => h('p', { 'data-testid': 'out' }, use(formats))
    },
  })
  const { getByTestId, unmount } = render(Probe, { global: { plugins: [createAppI18n(locale)] } })
  const text = getByTestId('out').textContent ?? ''
  unmount()
  return text
}

const ZONES = ['Europe/Paris', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'Asia/Tokyo', 'Pacific/Kiritimati']

describe('useDateFormat: calendar dates', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it.each(ZONES)('shows 2026-03-03 as 3 March in %s, in French and in English', (tz) => {
    vi.stubEnv('TZ', tz)

    expect(shown('fr', (f) => f.formatCalendarDate('2026-03-03'))).toBe('3 mars 2026')
    expect(shown('en', (f) => f.formatCalendarDate('2026-03-03'))).toBe('Mar 3, 2026')
    // the first and last days of a year, where a shift would also change the year
    expect(shown('en', (f) => f.formatCalendarDate('2026-01-01'))).toBe('Jan 1, 2026')
    expect(shown('fr', (f) => f.formatCalendarDate('2025-12-31'))).toBe('31 déc. 2025')
  })

  it('is what formatDate gets wrong west of Greenwich: the reason it exists', () => {
    vi.stubEnv('TZ', 'America/Los_Angeles')

    expect(shown('en', (f) => f.formatDate('2026-03-03'))).toBe('Mar 2, 2026')
    expect(shown('en', (f) => f.formatCalendarDate('2026-03-03'))).toBe('Mar 3, 2026')
  })

  it.each(['', 'soon', '2026-02-30', '2026-3-3', '2026-03-03T10:00:00Z'])('returns %j as given: not a calendar date', (value) => {
    expect(shown('en', (f) => f.formatCalendarDate(value))).toBe(value)
  })
})

describe('useDateFormat: instants', () => {
  it('shows an instant in the browser’s zone, in the user’s language', () => {
    vi.stubEnv('TZ', 'Europe/Paris')
    try {
      expect(shown('fr', (f) => f.formatDateTime('2026-03-03T23:30:00Z'))).toBe('4 mars 2026, 00:30:00')
      expect(shown('en', (f) => f.formatDate('2026-03-03T23:30:00Z'))).toBe('Mar 4, 2026')
    } finally {
      vi.unstubAllEnvs()
    }
  })
})
