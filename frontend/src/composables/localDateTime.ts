/**
 * Conversions between ISO instants (what the API speaks, UTC) and the value of an `<input type="datetime-local">`
 * (a wall-clock time in the browser's time zone, `YYYY-MM-DDTHH:mm`).
 */
const pad = (n: number): string => String(n).padStart(2, '0')

/** The local wall-clock time of an instant, for a datetime-local input; '' when there is none or it is not a date. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) {
    return ''
  }
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) {
    return ''
  }
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The instant of a datetime-local value read in the browser's time zone; undefined when empty or invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (value.trim() === '') {
    return undefined
  }
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}
