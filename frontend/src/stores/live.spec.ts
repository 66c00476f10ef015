import { effectScope } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LiveConnection, LiveOptions } from '@/api/live'
import { onLive } from '@/composables/useLiveUpdates'
import { useLiveStore } from './live'

beforeEach(() => setActivePinia(createPinia()))

function fakeConnect() {
  const opened: LiveOptions[] = []
  const close = vi.fn()
  const connect = vi.fn((options: LiveOptions): LiveConnection => {
    opened.push(options)
    return { close, lastEventId: null }
  })
  return { opened, close, connect }
}

describe('The live updates store', () => {
  it('opens one connection however often it is started, and closes it on stop', () => {
    const live = useLiveStore()
    const { connect, close, opened } = fakeConnect()

    live.start(connect)
    live.start(connect)
    opened[0]?.onState?.('open')

    expect(connect).toHaveBeenCalledOnce()
    expect(live.state).toBe('open')
    live.stop()
    expect(close).toHaveBeenCalledOnce()
    expect(live.state).toBe('idle')
  })

  it('tells the listeners of a topic, and only them, what the connection receives', () => {
    const live = useLiveStore()
    const { connect, opened } = fakeConnect()
    live.start(connect)
    const intake = vi.fn()
    const cases = vi.fn()
    live.on('intake', intake)
    live.on('case', cases)

    opened[0]?.onEvent({ topic: 'case', caseId: 'c-1' })

    expect(cases).toHaveBeenCalledWith({ topic: 'case', caseId: 'c-1' })
    expect(intake).not.toHaveBeenCalled()
  })

  it('keeps telling the other listeners when one fails', () => {
    const live = useLiveStore()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const after = vi.fn()
    live.on('tasks', () => {
      throw new Error('boom')
    })
    live.on('tasks', after)

    live.publish({ topic: 'tasks', caseId: null })

    expect(after).toHaveBeenCalledOnce()
  })

  it('stops calling a listener of onLive once its scope is gone', () => {
    const live = useLiveStore()
    const handler = vi.fn()
    const scope = effectScope()
    scope.run(() => onLive('notifications', handler))

    live.publish({ topic: 'notifications', caseId: null })
    scope.stop()
    live.publish({ topic: 'notifications', caseId: null })

    expect(handler).toHaveBeenCalledOnce()
  })
})
