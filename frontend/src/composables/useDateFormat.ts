import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

/** Dates and times in the user's language and the browser's time zone. */
export function useDateFormat() {
  const { locale } = useI18n({ useScope: 'global' })

  const dateFormat = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }))
  const dateTimeFormat = computed(
    () => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'medium' }),
  )

  function format(iso: string, formatter: Intl.DateTimeFormat): string {
    const date = new Date(iso)
    return Number.isNaN(date.getTime()) ? iso : formatter.format(date)
  }

  return {
    formatDate: (iso: string) => format(iso, dateFormat.value),
    formatDateTime: (iso: string) => format(iso, dateTimeFormat.value),
  }
}
