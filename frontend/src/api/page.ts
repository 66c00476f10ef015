/** One page of a keyset-paginated list: pass `next` back as the cursor to get the following page. */
export interface Page<T> {
  items: T[]
  next: string | null
}

/** The default page size of the API's lists. */
export const PAGE_SIZE = 50

/** `path?a=1&b=2`, leaving out parameters that are null or undefined. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) {
      query.set(name, String(value))
    }
  }
  const text = query.toString()
  return text ? `${path}?${text}` : path
}
