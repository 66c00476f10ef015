import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { NewTask, HandoffAnswer } from '@/api/tasks'
import { CASE_ID, caseView, handoff, task, teamMember, triagedCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { auditEvent, consultant, lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer(
  http.get(`/api/v1/cases/${CASE_ID}/team`, () =>
    HttpResponse.json([
      teamMember(),
      teamMember({ userId: 'u-lawyer', name: 'Louise Avocat', username: 'lawyer', role: 'lawyer', firm: 'LEGAL', workstream: 'LEGAL' }),
    ]),
  ),
)

async function open(me = consultant, tab = '', view = triagedCase({ status: 'ACTIVE' })) {
  server.use(http.get(`/api/v1/cases/${CASE_ID}`, () => HttpResponse.json(view)))
  installFakeAuth()
  const app = await renderApp(me, { path: `/cases/${CASE_ID}${tab ? `?tab=${tab}` : ''}` })
  await screen.findByTestId('case-title', {}, { timeout: 5000 })
  return app
}

describe('Case workspace: overview', () => {
  it('shows the reported facts, the triage and the workstreams with lead and progress', async () => {
    await open(lawyer)

    expect(screen.getByRole('heading', { level: 1, name: 'Data centre fire in Strasbourg' })).toBeTruthy()
    expect(screen.getByTestId('case-status').textContent).toBe('Active')
    expect(screen.getByTestId('case-summary').textContent).toBe('A fire destroyed SBG2. Customers lost data.')
    expect(screen.getByTestId('case-personal-data').textContent).toBe('Yes')
    const urls = screen.getByTestId('case-urls')
    expect(within(urls).getByRole('link', { name: 'https://news.example/fire' }).getAttribute('rel')).toContain('noopener')
    expect(within(urls).queryByRole('link', { name: 'javascript:alert(1)' })).toBeNull()
    expect(urls.textContent).toContain('javascript:alert(1)')
    expect(screen.getByTestId('case-triage-summary').textContent).toContain('Personal data breach, Service outage')
    expect(screen.getByTestId('case-clocks').textContent).toContain('Data breach: notify the CNIL (72 hours)')
    expect(screen.getByTestId('workstream-lead-COMMUNICATION').textContent).toBe('Camille Conseil')
    expect(screen.getByTestId('workstream-lead-LEGAL').textContent).toBe('No lead yet')
    expect(screen.getByTestId('progress-COMMUNICATION').textContent).toBe('1 of 3 tasks done')
    // status changes are the consultants'
    expect(screen.queryByTestId('case-status-MONITORING')).toBeNull()
  })

  it('lets a consultant on the team change the status, showing the reason of a refusal', async () => {
    const asked: unknown[] = []
    server.use(
      http.post(`/api/v1/cases/${CASE_ID}/status`, async ({ request }) => {
        asked.push(await request.json())
        return asked.length === 1
          ? problem(409, 'Legal has no lead: name one before activating.')
          : HttpResponse.json(triagedCase({ status: 'ACTIVE' }))
      }),
    )
    await open(consultant, '', triagedCase())

    expect(screen.queryByTestId('case-status-CLOSED')).toBeNull()
    await fireEvent.click(screen.getByRole('button', { name: 'Activate' }))

    expect((await screen.findByTestId('case-status-problem')).textContent).toContain('Legal has no lead: name one before activating.')
    expect(screen.getByTestId('case-status').textContent).toBe('Triaged')

    await fireEvent.update(screen.getByLabelText('Reason (optional)'), 'Leads named')
    await fireEvent.click(screen.getByTestId('case-status-ACTIVE'))

    await waitFor(() => expect(screen.getByTestId('case-status').textContent).toBe('Active'))
    expect(asked).toEqual([{ status: 'ACTIVE' }, { status: 'ACTIVE', reason: 'Leads named' }])
    expect(screen.getByRole('button', { name: 'Monitor' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy()
  })

  it('shows only the overview and triage of a new case to a consultant off the team', async () => {
    server.use(http.get(`/api/v1/cases/${CASE_ID}/triage-proposal`, () => HttpResponse.json({})))
    await open(consultant, '', caseView())

    const tabs = within(screen.getByRole('tablist')).getAllByRole('tab').map((tab) => tab.textContent)
    expect(tabs).toEqual(['Overview', 'Triage'])
    expect(screen.getByTestId('case-not-triaged')).toBeTruthy()
  })

  it('says so when the case is not found (or not mine)', async () => {
    server.use(http.get('/api/v1/cases/nope', () => problem(404, 'No such case.')))
    installFakeAuth()
    await renderApp(lawyer, { path: '/cases/nope' })

    expect((await screen.findByTestId('case-problem', {}, { timeout: 5000 })).textContent).toContain('No such case.')
  })
})

describe('Case workspace: tasks', () => {
  it('lists the tasks per workstream, marks one done and adds one for a team member', async () => {
    const patched: unknown[] = []
    let created: NewTask | null = null
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/tasks`, () =>
        HttpResponse.json([
          task(),
          task({ id: 't-comm', workstream: 'COMMUNICATION', title: 'Holding statement', overdue: true, assigneeName: null, assigneeId: null }),
        ]),
      ),
      http.patch('/api/v1/tasks/:id', async ({ request, params }) => {
        patched.push({ id: params.id, body: await request.json() })
        return HttpResponse.json(task({ status: 'DONE' }))
      }),
      http.post(`/api/v1/cases/${CASE_ID}/tasks`, async ({ request }) => {
        created = (await request.json()) as NewTask
        return HttpResponse.json(task({ id: 't-new', title: 'Draft the CNIL notification' }), { status: 201 })
      }),
    )
    await open(lawyer, 'tasks')

    const legal = await screen.findByTestId('tasks-LEGAL')
    expect(within(legal).getByRole('heading', { name: 'Legal' })).toBeTruthy()
    expect(within(legal).getByTestId(`task-${task().id}`).textContent).toContain('Louise Avocat')
    const late = within(screen.getByTestId('tasks-COMMUNICATION')).getByTestId('task-t-comm')
    expect(late.textContent).toContain('Overdue')
    expect(late.textContent).toContain('Nobody yet')

    await fireEvent.click(screen.getByRole('button', { name: 'Mark done: “Qualify the breach”' }))
    await waitFor(() => expect(screen.getByTestId(`task-${task().id}`).getAttribute('data-status')).toBe('DONE'))
    expect(patched).toEqual([{ id: task().id, body: { status: 'DONE' } }])
    expect(screen.queryByTestId(`task-done-${task().id}`)).toBeNull()

    await fireEvent.update(screen.getByLabelText('Task'), 'Draft the CNIL notification')
    await fireEvent.click(screen.getByTestId('task-add-workstream'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Legal' }))
    await fireEvent.click(screen.getByTestId('task-add-assignee'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Louise Avocat (Legal)' }))
    await fireEvent.update(screen.getByLabelText('Due'), '2026-03-12T18:00')
    await fireEvent.click(screen.getByTestId('task-add-submit'))

    expect(await screen.findByTestId('task-t-new')).toBeTruthy()
    expect(created).toEqual({
      title: 'Draft the CNIL notification',
      workstream: 'LEGAL',
      assigneeId: 'u-lawyer',
      dueAt: new Date('2026-03-12T18:00').toISOString(),
    })
  })
})

describe('Case workspace: hand-offs', () => {
  it('answers an open hand-off with a reply, and hands over to another workstream', async () => {
    let answer: HandoffAnswer | null = null
    let created: unknown = null
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/handoffs`, () =>
        HttpResponse.json([handoff(), handoff({ id: 'h-done', status: 'DECLINED', reply: 'Not for us', answeredByName: 'Louise Avocat' })]),
      ),
      http.post(`/api/v1/handoffs/${handoff().id}/answer`, async ({ request }) => {
        answer = (await request.json()) as HandoffAnswer
        return HttpResponse.json(handoff({ status: 'ANSWERED', reply: answer.reply, answeredByName: 'Louise Avocat' }))
      }),
      http.post(`/api/v1/cases/${CASE_ID}/handoffs`, async ({ request }) => {
        created = await request.json()
        return HttpResponse.json(handoff({ id: 'h-new', fromWorkstream: 'LEGAL', toWorkstream: 'COMMUNICATION', note: 'Publish it' }), {
          status: 201,
        })
      }),
    )
    await open(lawyer, 'handoffs')

    const open_ = await screen.findByTestId(`handoff-${handoff().id}`)
    expect(open_.textContent).toContain('Communication to Legal')
    expect(open_.textContent).toContain('Waiting for an answer')
    expect(screen.getByTestId('handoff-h-done').textContent).toContain('Not for us')
    expect(within(screen.getByTestId('handoff-h-done')).queryByRole('button', { name: 'Answer' })).toBeNull()

    await fireEvent.click(within(open_).getByRole('button', { name: 'Answer' }))
    expect(within(open_).getByText('Write a reply first.')).toBeTruthy()
    expect(answer).toBeNull()

    await fireEvent.update(within(open_).getByLabelText('Reply'), 'Checked: fine to publish.')
    await fireEvent.click(within(open_).getByRole('button', { name: 'Answer' }))

    await waitFor(() => expect(screen.getByTestId(`handoff-${handoff().id}`).getAttribute('data-status')).toBe('ANSWERED'))
    expect(answer).toEqual({ decision: 'ANSWERED', reply: 'Checked: fine to publish.' })
    expect(screen.getByTestId(`handoff-reply-text-${handoff().id}`).textContent).toBe('Checked: fine to publish.')

    await fireEvent.click(screen.getByTestId('handoff-from'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Legal' }))
    await fireEvent.click(screen.getByTestId('handoff-to'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Communication' }))
    await fireEvent.update(screen.getByLabelText('What is expected'), 'Publish it')
    await fireEvent.click(screen.getByTestId('handoff-submit'))

    expect(await screen.findByTestId('handoff-h-new')).toBeTruthy()
    expect(created).toEqual({ fromWorkstream: 'LEGAL', toWorkstream: 'COMMUNICATION', note: 'Publish it' })
  })
})

describe('Case workspace: audit trail', () => {
  it('reads the case’s own trail', async () => {
    server.use(
      http.get(`/api/v1/cases/${CASE_ID}/audit`, () =>
        HttpResponse.json({ items: [auditEvent(7, { action: 'case.triaged', entityType: 'case', entityId: CASE_ID })], next: null }),
      ),
    )
    await open(lawyer, 'audit')

    const row = await screen.findByTestId('audit-event-7')
    expect(row.textContent).toContain('Case triaged')
    expect(screen.getByRole('table', { name: 'Audit trail' })).toBeTruthy()
  })
})
