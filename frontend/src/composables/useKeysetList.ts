import { ref, shallowRef, type Ref } from 'vue'
import type { Page } from '@/api/page'

/**
 * A list read page by page with a keyset cursor. `fetchPage(null)` gives the first page; `loadMore()`
 * asks for the page after the last one loaded; `refresh()` reads the first page again without showing the loading
 * state (a live update). Errors are kept in `error` for the view to show. A page that arrives after a newer reload
 * started is dropped, so the list never goes back to older data.
 */
export function useKeysetList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  const items = ref<T[]>([]) as Ref<T[]>
  const next = ref<string | null>(null)
  const loading = ref(false)
  const loadingMore = ref(false)
  const loaded = ref(false)
  const error = shallowRef<unknown>(null)
  /** Counts the reads of the first page: an answer to an older one is stale. */
  let generation = 0

  async function readFirstPage(): Promise<void> {
    const mine = ++generation
    try {
      const page = await fetchPage(null)
      if (mine !== generation) {
        return
      }
      items.value = page.items
      next.value = page.next
      loaded.value = true
      error.value = null
    } catch (e) {
      if (mine === generation) {
        error.value = e
      }
    }
  }

  async function reload(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      await readFirstPage()
    } finally {
      loading.value = false
    }
  }

  /** Reads the first page again, keeping the rows shown until it arrives. */
  function refresh(): Promise<void> {
    return readFirstPage()
  }

  async function loadMore(): Promise<void> {
    if (next.value === null || loadingMore.value) {
      return
    }
    loadingMore.value = true
    error.value = null
    const mine = generation
    try {
      const page = await fetchPage(next.value)
      if (mine !== generation) {
        return // the list was read again meanwhile: this page follows rows no longer shown
      }
      items.value = [...items.value, ...page.items]
      next.value = page.next
    } catch (e) {
      error.value = e
    } finally {
      loadingMore.value = false
    }
  }

  /** Replaces the item `same` matches, or adds it at the top. */
  function upsert(item: T, same: (a: T, b: T) => boolean): void {
    const index = items.value.findIndex((existing) => same(existing, item))
    if (index >= 0) {
      items.value = items.value.map((existing, i) => (i === index ? item : existing))
    } else {
      items.value = [item, ...items.value]
    }
  }

  return { items, next, loading, loadingMore, loaded, error, reload, refresh, loadMore, upsert }
}

export type KeysetList<T> = ReturnType<typeof useKeysetList<T>>
