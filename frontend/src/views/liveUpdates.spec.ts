import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/vue'
import type { CaseView } from '@/api/cases'
import type { TaskView } from '@/api/tasks'
import { CASE_ID, caseSummary, clientCase, emptyHomeHandlers, intakeItem, task, teamMember, triagedCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { client, consultant, lawyer } from '@/test/fixtures'
import { liveChannel } from '@/test/live'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const server = useMswServer(...emptyHomeHandlers)

/** A list route whose answer the spec changes, counting the times it is read. */
function changingList<T>(path: string, first: T[]) {
  const state = { items: first, reads: 0 }
  const handler = http.get(path, () => {
    state.reads += 1
    return HttpResponse.json({ items: state.items, next: null })
  })
  return { state, handler }
}

/** Lets the requests already started finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

async function connected(live: ReturnType<typeof liveChannel>): Promise<void> {
  await waitFor(() => expect(live.streams).toHaveLength(1))
}

describe('Open views follow live updates', () => {
  it('the intake queue is read again when a case is reported', async () => {
    const intake = changingList('/api/v1/cases/intake', [intakeItem('c-1', 'Fire at the Lyon plant', new Date().toISOString())])
    const live = liveChannel()
    server.use(intake.handler, live.handler)
    installFakeAuth()
    await renderApp(consultant)
    await screen.findByTestId('intake-row-c-1')
    await connected(live)

    intake.state.items = [...intake.state.items, intakeItem('c-2', 'Rumour on X', new Date().toISOString())]
    live.send('tasks')
    live.send('intake')

    await screen.findByTestId('intake-row-c-2')
    await settle()
    expect(intake.state.reads).toBe(2)
    expect(screen.getByTestId('intake-row-c-1')).toBeTruthy()
  })

  it('my cases on the home page are read again when one of them changes', async () => {
    const cases = changingList('/api/v1/cases', [caseSummary({ status: 'TRIAGED' })])
    const live = liveChannel()
    server.use(cases.handler, live.handler)
    installFakeAuth()
    await renderApp(lawyer)
    await waitFor(() => expect(screen.getByTestId(`case-row-${CASE_ID}`).textContent).toContain('Triaged'))
    await connected(live)

    cases.state.items = [caseSummary({ status: 'ACTIVE' })]
    live.send('case', CASE_ID)

    await waitFor(() => expect(screen.getByTestId(`case-row-${CASE_ID}`).textContent).toContain('Active'))
  })

  it('my tasks are read again when they change', async () => {
    const tasks = changingList<TaskView>('/api/v1/tasks/mine', [])
    const live = liveChannel()
    server.use(tasks.handler, live.handler)
    installFakeAuth()
    await renderApp(lawyer)
    await waitFor(() => expect(tasks.state.reads).toBe(1))
    await connected(live)

    tasks.state.items = [task({ id: 't-new', title: 'Call the regulator' })]
    live.send('tasks')

    expect((await screen.findByTestId('my-task-t-new')).textContent).toContain('Call the regulator')
  })

  it('the case workspace reads its case again when it changes, and not for another case', async () => {
    let current: CaseView = triagedCase({ status: 'TRIAGED' })
    let reads = 0
    const live = liveChannel()
    server.use(
      live.handler,
      http.get(`/api/v1/cases/${CASE_ID}`, () => {
        reads += 1
        return HttpResponse.json(current)
      }),
      http.get(`/api/v1/cases/${CASE_ID}/team`, () => HttpResponse.json([teamMember()])),
    )
    installFakeAuth()
    await renderApp(consultant, { path: `/cases/${CASE_ID}` })
    await waitFor(() => expect(screen.getByTestId('case-status').textContent).toContain('Triaged'), { timeout: 8000 })
    await connected(live)

    current = triagedCase({ status: 'ACTIVE', version: 2 })
    live.send('case', 'another-case')
    live.send('case', CASE_ID)

    await waitFor(() => expect(screen.getByTestId('case-status').textContent).toContain('Active'))
    await settle()
    expect(reads).toBe(2)
  }, 15_000)

  it('the tasks of the case workspace are read again when the case changes', async () => {
    let tasks: TaskView[] = [task()]
    const live = liveChannel()
    server.use(
      live.handler,
      http.get(`/api/v1/cases/${CASE_ID}`, () => HttpResponse.json(triagedCase())),
      http.get(`/api/v1/cases/${CASE_ID}/team`, () => HttpResponse.json([teamMember()])),
      http.get(`/api/v1/cases/${CASE_ID}/tasks`, () => HttpResponse.json(tasks)),
    )
    installFakeAuth()
    await renderApp(consultant, { path: `/cases/${CASE_ID}?tab=tasks` })
    await screen.findByTestId(`task-${task().id}`, {}, { timeout: 8000 })
    await connected(live)

    tasks = [...tasks, task({ id: 't-added', title: 'Brief the spokesperson', workstream: 'COMMUNICATION' })]
    live.send('case', CASE_ID)

    expect((await screen.findByTestId('task-t-added')).textContent).toContain('Brief the spokesperson')
  }, 15_000)

  it('the client’s cases are read again when one of them changes', async () => {
    const cases = changingList('/api/v1/cases', [clientCase({ status: 'NEW', workstreams: [] })])
    const live = liveChannel()
    server.use(cases.handler, live.handler)
    installFakeAuth()
    await renderApp(client, { path: '/portal' })
    await waitFor(() => expect(screen.getByTestId(`portal-case-${CASE_ID}`).textContent).toContain('Received'))
    await connected(live)

    cases.state.items = [clientCase({ status: 'TRIAGED' })]
    live.send('case', CASE_ID)

    await waitFor(() => expect(screen.getByTestId(`portal-case-${CASE_ID}`).textContent).toContain('Taken in charge'))
  })

  it('connects again after the stream ends, sending the last event id', async () => {
    const live = liveChannel()
    server.use(live.handler)
    installFakeAuth()
    await renderApp(lawyer)
    await connected(live)

    live.send('tasks')
    live.streams[0]?.end()

    // the first pause is a second at most
    await waitFor(() => expect(live.requests).toHaveLength(2), { timeout: 3000 })
    expect(live.requests[1]?.headers.get('Last-Event-ID')).toBe('1')
  })
})
