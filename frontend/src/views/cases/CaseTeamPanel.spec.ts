import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { NewTeamMember } from '@/api/cases'
import { CASE_ID, staffDirectory, teamMember, triagedCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { consultant, lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const louise = teamMember({ userId: 'u-lawyer', name: 'Louise Avocat', username: 'lawyer', role: 'lawyer', firm: 'LEGAL', workstream: 'LEGAL', lead: true })

function caseWithTeam() {
  const counts = { caseLoads: 0, directoryLoads: 0 }
  server.use(
    http.get(`/api/v1/cases/${CASE_ID}`, () => {
      counts.caseLoads++
      return HttpResponse.json(triagedCase())
    }),
    http.get(`/api/v1/cases/${CASE_ID}/team`, () => HttpResponse.json([teamMember()])),
    http.get('/api/v1/directory/staff', () => {
      counts.directoryLoads++
      return HttpResponse.json(staffDirectory)
    }),
  )
  return counts
}

const server = useMswServer()

async function openTeam(me = consultant) {
  installFakeAuth()
  const app = await renderApp(me, { path: `/cases/${CASE_ID}?tab=team` })
  await screen.findByTestId('team-member-consultant', {}, { timeout: 5000 })
  return app
}

describe('Case team', () => {
  it('adds a lawyer from the directory, grouped by firm, to the legal workstream as its lead', async () => {
    const counts = caseWithTeam()
    let posted: NewTeamMember | null = null
    server.use(
      http.post(`/api/v1/cases/${CASE_ID}/team`, async ({ request }) => {
        posted = (await request.json()) as NewTeamMember
        return HttpResponse.json(louise, { status: 201 })
      }),
    )
    await openTeam()
    const loadsBefore = counts.caseLoads

    await fireEvent.click(screen.getByTestId('team-add-user'))
    const list = await screen.findByRole('listbox')
    expect(within(list).getByText('Legal')).toBeTruthy()
    expect(within(list).getByText('Reputation')).toBeTruthy()
    await fireEvent.mouseDown(within(list).getByRole('option', { name: 'Louise Avocat (lawyer) — Lawyer' }))
    await waitFor(() => expect(screen.getByTestId('team-add-workstream').textContent).toContain('Legal'))
    await fireEvent.click(screen.getByLabelText('Leads this workstream'))
    await fireEvent.click(screen.getByTestId('team-add-submit'))

    const row = await screen.findByTestId('team-member-lawyer')
    expect(posted).toEqual({ userId: 'u-lawyer', workstream: 'LEGAL', lead: true })
    expect(row.textContent).toContain('Louise Avocat')
    expect(row.textContent).toContain('Lead')
    await waitFor(() => expect(counts.caseLoads).toBe(loadsBefore + 1))
  })

  it('asks for a person and a workstream before calling the API', async () => {
    caseWithTeam()
    let called = false
    server.use(
      http.post(`/api/v1/cases/${CASE_ID}/team`, () => {
        called = true
        return HttpResponse.json(louise, { status: 201 })
      }),
    )
    await openTeam()

    await fireEvent.click(screen.getByTestId('team-add-submit'))

    expect(document.getElementById('team-add-user-error')?.textContent).toBe('Required.')
    expect(document.getElementById('team-add-workstream-error')?.textContent).toBe('Required.')
    expect(called).toBe(false)
  })

  it('removes a member, and shows a refusal', async () => {
    caseWithTeam()
    const deleted: string[] = []
    server.use(
      http.delete(`/api/v1/cases/${CASE_ID}/team/:userId`, ({ params }) => {
        deleted.push(String(params.userId))
        return deleted.length === 1 ? problem(409, 'The case needs a lead for Communication.') : new HttpResponse(null, { status: 204 })
      }),
    )
    await openTeam()

    await fireEvent.click(screen.getByRole('button', { name: 'Remove Camille Conseil from the team' }))
    expect((await screen.findByTestId('team-problem')).textContent).toContain('The case needs a lead for Communication.')
    expect(screen.getByTestId('team-member-consultant')).toBeTruthy()

    await fireEvent.click(screen.getByTestId('team-remove-consultant'))
    await waitFor(() => expect(screen.queryByTestId('team-member-consultant')).toBeNull())
    expect(deleted).toEqual(['u-consultant', 'u-consultant'])
  })

  it('shows a lawyer the team without the directory or the add form', async () => {
    const counts = caseWithTeam()
    await openTeam(lawyer)

    expect(screen.queryByTestId('team-add-submit')).toBeNull()
    expect(screen.queryByTestId('team-remove-consultant')).toBeNull()
    expect(counts.directoryLoads).toBe(0)
  })
})
