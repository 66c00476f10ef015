import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { Clock, ClockBoard, Publication } from '@/api/legal'
import { CASE_ID, triagedCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { consultant, lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const pressClock: Clock = {
  id: 'c1000000-0000-4000-8000-000000000001',
  caseId: CASE_ID,
  ruleId: 'press-defamation-3m',
  ruleVersion: 1,
  nameFr: 'Diffamation ou injure publique : dernier jour pour agir',
  nameEn: 'Public defamation or insult: last day to sue',
  basis: 'Loi du 29 juillet 1881, art. 65',
  textVersion: 'Art. 65',
  counting: 'CALENDAR_MONTHS',
  triggerAt: '2099-08-22T22:00:00Z',
  lastDay: '2099-11-23',
  endsAt: '2099-11-23T23:00:00Z',
  nonWorkingLastDay: false,
  state: 'RUNNING',
  stateReason: '',
  responsibleId: lawyer.subject,
  responsibleName: 'Louise Avocat',
  origin: 'PUBLICATION',
  publicationId: 'p1000000-0000-4000-8000-000000000001',
  actionId: null,
  createdAt: '2099-08-23T10:00:00Z',
  closedAt: null,
}

const publication: Publication = {
  id: 'p1000000-0000-4000-8000-000000000001',
  caseId: CASE_ID,
  url: 'https://blog-anonyme.test/verdier-fraude',
  firstPublishedAt: '2099-08-22T22:00:00Z',
  qualification: null,
  qualifiedAt: null,
  qualifiedByName: null,
  republications: [],
  clocks: [],
}

const server = useMswServer()

function legalCase(board: ClockBoard) {
  const asked: { path: string; body: unknown }[] = []
  server.use(
    http.get(`/api/v1/cases/${CASE_ID}`, () =>
      HttpResponse.json(triagedCase({ workstreams: [{ workstream: 'LEGAL', status: 'ACTIVE', leadId: null, leadName: null, tasksDone: 0, tasksTotal: 0 }] })),
    ),
    http.get(`/api/v1/cases/${CASE_ID}/clocks`, () => HttpResponse.json(board)),
    http.get(`/api/v1/cases/${CASE_ID}/publications`, () => HttpResponse.json([publication])),
    http.get(`/api/v1/cases/${CASE_ID}/legal-actions`, () => HttpResponse.json([])),
    http.get(`/api/v1/cases/${CASE_ID}/evidence`, () => HttpResponse.json([])),
    http.post(`/api/v1/publications/${publication.id}/qualification`, async ({ request }) => {
      asked.push({ path: 'qualification', body: await request.json() })
      return HttpResponse.json({ ...publication, qualification: 'DEFAMATION', clocks: [pressClock] })
    }),
    http.get(`/api/v1/cases/${CASE_ID}/privileged-notes`, () => {
      asked.push({ path: 'notes', body: null })
      return HttpResponse.json([{ id: 'n1', caseId: CASE_ID, body: 'Stratégie : assigner en référé.', authorId: lawyer.subject, authorName: 'Louise Avocat', createdAt: '2099-08-23T10:00:00Z' }])
    }),
  )
  return asked
}

describe('Legal panel of a case', () => {
  it('shows a running clock with its rule, basis, last day, time left and the lawyer in charge', async () => {
    legalCase({ clocks: [pressClock], proposals: [] })
    installFakeAuth()
    await renderApp(lawyer, { path: `/cases/${CASE_ID}?tab=legal` })

    const row = await screen.findByTestId('legal-clock-press-defamation-3m', {}, { timeout: 5000 })
    expect(row.textContent).toContain('Public defamation or insult: last day to sue')
    expect(row.textContent).toContain('Loi du 29 juillet 1881, art. 65')
    expect(row.textContent).toContain('Monday, November 23, 2099')
    expect(row.textContent).toContain('left')
    expect(row.textContent).toContain('Running')
    expect(row.textContent).toContain('Louise Avocat')
  })

  it('the lawyer qualifies a publication: its choice is sent and the clocks are read again', async () => {
    const asked = legalCase({
      clocks: [],
      proposals: [{ triageRule: 'DEFAMATION_LIMITATION', ruleId: 'press-defamation-3m', nameFr: pressClock.nameFr, nameEn: pressClock.nameEn, triggerAt: pressClock.triggerAt, needsQualification: true, started: false }],
    })
    installFakeAuth()
    await renderApp(lawyer, { path: `/cases/${CASE_ID}?tab=legal` })

    const proposal = await screen.findByTestId('legal-proposal-press-defamation-3m', {}, { timeout: 5000 })
    expect(proposal.textContent).toContain('Starts once a lawyer qualifies the publication below.')
    const card = screen.getByTestId(`legal-publication-${publication.id}`)
    await fireEvent.click(within(card).getByTestId('legal-publication-qualify'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Defamation (person or company)' }))
    await fireEvent.click(within(card).getByTestId('legal-publication-qualify-submit'))

    await waitFor(() => expect(asked).toContainEqual({ path: 'qualification', body: { qualification: 'DEFAMATION' } }))
  })

  it('reads the privileged notes only when the lawyer asks (each read is audited)', async () => {
    const asked = legalCase({ clocks: [], proposals: [] })
    installFakeAuth()
    await renderApp(lawyer, { path: `/cases/${CASE_ID}?tab=legal`, locale: 'fr' })

    await screen.findByTestId('legal-notes', {}, { timeout: 5000 })
    expect(asked.filter((a) => a.path === 'notes')).toHaveLength(0)
    await fireEvent.click(screen.getByTestId('legal-notes-show'))
    expect((await screen.findByTestId('legal-notes-list')).textContent).toContain('Stratégie : assigner en référé.')
    expect(asked.filter((a) => a.path === 'notes')).toHaveLength(1)
  })

  it('a consultant on the team reads the clocks but sees no note section and no writing control', async () => {
    legalCase({ clocks: [pressClock], proposals: [] })
    installFakeAuth()
    await renderApp(consultant, { path: `/cases/${CASE_ID}?tab=legal` })

    await screen.findByTestId('legal-clock-press-defamation-3m', {}, { timeout: 5000 })
    expect(screen.queryByTestId('legal-notes')).toBeNull()
    expect(screen.queryByTestId(`legal-clock-acted-${pressClock.id}`)).toBeNull()
    expect(screen.queryByTestId('legal-publication-submit')).toBeNull()
  })
})
