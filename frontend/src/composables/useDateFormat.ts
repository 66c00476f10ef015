import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Dates and times in the user's language and the browser's time zone. */
export function useDateFormat() {
  const { locale } = useI18n({ useScope: 'global' })

  const dateFormat = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }))
  const dateTimeFormat = computed(
    () => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'medium' }),
  )
  // a calendar date is midnight UTC of that day here, so it is written in UTC: no zone can move it to another day
  const calendarFormat = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeZone: 'UTC' }))

  function format(iso: string, formatter: Intl.DateTimeFormat): string {
    const date = new Date(iso)
    return Number.isNaN(date.getTime()) ? iso : formatter.format(date)
  }

  /**
   * A calendar date (`YYYY-MM-DD`: a snapshot's day, a due date) as that same day wherever the browser is; `new Date`
   * would read it as midnight UTC and show the day before west of Greenwich. Anything else is returned as it is.
   */
  function formatCalendarDate(day: string): string {
    const parts = CALENDAR_DATE.exec(day)
    if (!parts) {
      return day
    }
    const [year, month, date] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
    const utc = new Date(Date.UTC(year, month - 1, date))
    // 2026-02-30 would roll over to March: not a day, so shown as given
    return utc.getUTCMonth() === month - 1 && utc.getUTCDate() === date ? calendarFormat.value.format(utc) : day
  }

  return {
    formatDate: (iso: string) => format(iso, dateFormat.value),
    formatDateTime: (iso: string) => format(iso, dateTimeFormat.value),
    formatCalendarDate,
  }
}
