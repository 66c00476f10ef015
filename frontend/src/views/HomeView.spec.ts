import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/vue'
import { caseSummary, clientCase, emptyHomeHandlers, intakeItem, task } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { client, consultant, lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const server = useMswServer(...emptyHomeHandlers)

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString()

describe('Home of a staff member', () => {
  it('shows a consultant the intake queue, flagging in words a case waiting over an hour', async () => {
    server.use(
      http.get('/api/v1/cases/intake', () =>
        HttpResponse.json({
          items: [
            intakeItem('c-old', 'Fire at the Lyon plant', minutesAgo(95)),
            intakeItem('c-new', 'Rumour on X', minutesAgo(20)),
          ],
          next: null,
        }),
      ),
    )
    installFakeAuth()
    await renderApp(consultant)

    const late = await screen.findByTestId('intake-row-c-old')
    const fresh = screen.getByTestId('intake-row-c-new')
    expect(late.getAttribute('data-late')).toBe('true')
    expect(late.className).toContain('tf-row--late')
    expect(screen.getByTestId('intake-waiting-c-old').textContent).toMatch(/Over an hour: 1 h 3[45] min/)
    expect(screen.getByTestId('intake-waiting-c-old').querySelector('svg[aria-hidden="true"]')).not.toBeNull()
    expect(fresh.getAttribute('data-late')).toBe('false')
    expect(screen.getByTestId('intake-waiting-c-new').textContent?.trim()).toMatch(/^(19|20) min$/)
    expect(within(late).getByRole('link', { name: 'Fire at the Lyon plant' }).getAttribute('href')).toBe('/cases/c-old')
    expect(screen.getByRole('table', { name: 'Intake queue' })).toBeTruthy()
  })

  it('shows my tasks due, an overdue one marked in words, my cases and my cases by severity', async () => {
    server.use(
      http.get('/api/v1/tasks/mine', () =>
        HttpResponse.json({
          items: [
            task({ id: 't-late', title: 'Draft the CNIL notification', overdue: true }),
            task({ id: 't-next', title: 'Call the regulator', overdue: false, dueAt: null }),
          ],
          next: null,
        }),
      ),
      http.get('/api/v1/cases', () => HttpResponse.json({ items: [caseSummary()], next: null })),
      http.get('/api/v1/cases/summary', () =>
        HttpResponse.json({
          bySeverity: [
            { severity: 3, count: 2 },
            { severity: 1, count: 1 },
          ],
          byStatus: [{ status: 'ACTIVE', count: 3 }],
          intakeWaiting: 4,
        }),
      ),
    )
    installFakeAuth()
    await renderApp(lawyer)

    const late = await screen.findByTestId('my-task-t-late')
    expect(late.getAttribute('data-overdue')).toBe('true')
    expect(late.textContent).toContain('Overdue')
    expect(screen.getByTestId('my-task-t-next').textContent).not.toContain('Overdue')
    expect(screen.getByTestId('my-task-t-next').textContent).toContain('No due date')

    const row = await screen.findByTestId('case-row-8c000000-0000-4000-8000-000000000001')
    expect(row.textContent).toContain('Helio Cloud')
    expect(row.textContent).toContain('Active')
    expect(row.textContent).toContain('Legal, Communication')

    await waitFor(() => expect(screen.getByTestId('severity-3').textContent).toContain('2'))
    expect(screen.getByTestId('severity-1').textContent).toContain('1')
    expect(screen.getByTestId('severity-4').textContent).toContain('0')
    expect(screen.getByTestId('intake-waiting-count').textContent).toBe('4 new cases wait in the intake queue.')
  })

  it('does not show the intake queue to a lawyer, nor ask for it', async () => {
    let asked = false
    server.use(
      http.get('/api/v1/cases/intake', () => {
        asked = true
        return HttpResponse.json({ items: [], next: null })
      }),
    )
    installFakeAuth()
    await renderApp(lawyer)

    expect(await screen.findByTestId('home-tasks')).toBeTruthy()
    expect(screen.queryByTestId('home-intake')).toBeNull()
    expect(asked).toBe(false)
  })
})

describe('Home of a client', () => {
  it('lists their cases and links to the incident report', async () => {
    server.use(http.get('/api/v1/cases', () => HttpResponse.json({ items: [clientCase({ status: 'NEW', workstreams: [] })], next: null })))
    installFakeAuth()
    await renderApp(client)

    const card = await screen.findByTestId('portal-case-8c000000-0000-4000-8000-000000000001')
    expect(card.textContent).toContain('Received')
    expect(screen.getByTestId('home-report').getAttribute('href')).toBe('/portal/new')
    expect(screen.queryByTestId('home-tasks')).toBeNull()
  })
})
