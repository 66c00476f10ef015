import { useI18n } from 'vue-i18n'

export const HOUR_MS = 3_600_000

/** Elapsed time in words: "45 min", "2 h 05 min", "3 d 4 h". */
export function useElapsed() {
  const { t } = useI18n()

  function formatElapsed(ms: number): string {
    const minutes = Math.max(0, Math.floor(ms / 60_000))
    if (minutes < 60) {
      return t('elapsed.minutes', { m: minutes })
    }
    const hours = Math.floor(minutes / 60)
    if (hours < 24) {
      return t('elapsed.hours', { h: hours, m: String(minutes % 60).padStart(2, '0') })
    }
    return t('elapsed.days', { d: Math.floor(hours / 24), h: hours % 24 })
  }

  return { formatElapsed }
}
