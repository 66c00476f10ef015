import { describe, expect, it } from 'vitest'
import type { Page } from '@/api/page'
import { useKeysetList } from './useKeysetList'

/** A fetchPage whose answers the spec gives, in any order. */
function deferredPages() {
  const pending: { cursor: string | null; resolve: (page: Page<string>) => void }[] = []
  const fetchPage = (cursor: string | null) => new Promise<Page<string>>((resolve) => pending.push({ cursor, resolve }))
  return { pending, fetchPage }
}

describe('useKeysetList', () => {
  it('refreshes without showing the loading state, keeping the rows until the new page arrives', async () => {
    const { pending, fetchPage } = deferredPages()
    const list = useKeysetList(fetchPage)
    const first = list.reload()
    pending[0]?.resolve({ items: ['a'], next: null })
    await first

    const refreshed = list.refresh()
    expect(list.loading.value).toBe(false)
    expect(list.items.value).toEqual(['a'])
    pending[1]?.resolve({ items: ['b', 'a'], next: null })
    await refreshed

    expect(list.items.value).toEqual(['b', 'a'])
  })

  it('drops a page that arrives after a newer read of the list', async () => {
    const { pending, fetchPage } = deferredPages()
    const list = useKeysetList(fetchPage)
    const older = list.refresh()
    const newer = list.refresh()

    pending[1]?.resolve({ items: ['new'], next: null })
    await newer
    pending[0]?.resolve({ items: ['old'], next: 'c1' })
    await older

    expect(list.items.value).toEqual(['new'])
    expect(list.next.value).toBeNull()
  })

  it('drops a next page asked for before the list was read again', async () => {
    const { pending, fetchPage } = deferredPages()
    const list = useKeysetList(fetchPage)
    const first = list.reload()
    pending[0]?.resolve({ items: ['a'], next: 'c1' })
    await first

    const more = list.loadMore()
    const refreshed = list.refresh()
    pending[2]?.resolve({ items: ['z', 'a'], next: 'c2' })
    await refreshed
    pending[1]?.resolve({ items: ['b'], next: null })
    await more

    expect(pending[1]?.cursor).toBe('c1')
    expect(list.items.value).toEqual(['z', 'a'])
    expect(list.next.value).toBe('c2')
  })
})
