import { ref, shallowRef, type Ref } from 'vue'
import type { Page } from '@/api/page'

/**
 * A list read page by page with a keyset cursor. `fetchPage(null)` gives the first page; `loadMore()`
 * asks for the page after the last one loaded. Errors are kept in `error` for the view to show.
 */
export function useKeysetList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  const items = ref<T[]>([]) as Ref<T[]>
  const next = ref<string | null>(null)
  const loading = ref(false)
  const loadingMore = ref(false)
  const loaded = ref(false)
  const error = shallowRef<unknown>(null)

  async function reload(): Promise<void> {
    loading.value = true
    error.value = null
    try {
      const page = await fetchPage(null)
      items.value = page.items
      next.value = page.next
      loaded.value = true
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  async function loadMore(): Promise<void> {
    if (next.value === null || loadingMore.value) {
      return
    }
    loadingMore.value = true
    error.value = null
    try {
      const page = await fetchPage(next.value)
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

  return { items, next, loading, loadingMore, loaded, error, reload, loadMore, upsert }
}

export type KeysetList<T> = ReturnType<typeof useKeysetList<T>>
