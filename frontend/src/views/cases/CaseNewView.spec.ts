import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor } from '@testing-library/vue'
import type { NewCase } from '@/api/cases'
import { CASE_ID, caseView, tenantNames } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer(
  http.get('/api/v1/directory/tenants', () => HttpResponse.json(tenantNames)),
  http.get(`/api/v1/cases/${CASE_ID}`, () => HttpResponse.json(caseView())),
)

async function openForm() {
  installFakeAuth()
  const app = await renderApp(lawyer, { path: '/cases/new' })
  await screen.findByTestId('case-new-tenant')
  return app
}

async function chooseTenant(name: string) {
  await fireEvent.click(screen.getByTestId('case-new-tenant'))
  await fireEvent.mouseDown(await screen.findByRole('option', { name }))
}

describe('Reporting an incident (staff)', () => {
  it('posts the report for the chosen company, URLs one per line, and opens the new case', async () => {
    let posted: NewCase | null = null
    server.use(
      http.post('/api/v1/cases', async ({ request }) => {
        posted = (await request.json()) as NewCase
        return HttpResponse.json(caseView(), { status: 201 })
      }),
    )
    const { router } = await openForm()

    await chooseTenant('Helio Cloud')
    await fireEvent.update(screen.getByLabelText('Title'), '  Data centre fire in Strasbourg ')
    await fireEvent.update(screen.getByLabelText('What happened'), 'A fire destroyed SBG2.')
    await fireEvent.update(screen.getByLabelText('Occurred at'), '2026-03-10T00:47')
    await fireEvent.update(screen.getByLabelText('Web addresses concerned'), 'https://news.example/fire\n\n  https://x.example/post/1  \n')
    await fireEvent.click(screen.getByLabelText('Personal data may have been lost, leaked or made unavailable'))
    expect(screen.queryByLabelText('First publication')).toBeNull()
    await fireEvent.click(screen.getByLabelText(/Hostile content has been published online/))
    await fireEvent.update(await screen.findByLabelText('First publication'), '2026-03-09T22:00')
    await fireEvent.click(screen.getByTestId('case-new-suspected-author'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'A competitor' }))
    await fireEvent.click(screen.getByTestId('case-report-submit'))

    // the workspace is a lazily loaded route: its first load is slow under Vitest
    await waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/cases/${CASE_ID}`), { timeout: 8000 })
    expect(posted).toEqual({
      tenantId: tenantNames[0]?.id,
      title: 'Data centre fire in Strasbourg',
      summary: 'A fire destroyed SBG2.',
      occurredAt: new Date('2026-03-10T00:47').toISOString(),
      urls: ['https://news.example/fire', 'https://x.example/post/1'],
      personalData: true,
      hostilePublications: true,
      firstPublishedAt: new Date('2026-03-09T22:00').toISOString(),
      suspectedAuthor: 'COMPETITOR',
    })
    expect(await screen.findByTestId('case-title')).toBeTruthy()
  })

  it('checks the required fields and the web addresses before calling the API', async () => {
    let called = false
    server.use(
      http.post('/api/v1/cases', () => {
        called = true
        return HttpResponse.json(caseView(), { status: 201 })
      }),
    )
    await openForm()

    await fireEvent.update(screen.getByLabelText('Web addresses concerned'), 'https://ok.example\nnot a link')
    await fireEvent.click(screen.getByTestId('case-report-submit'))

    expect(document.getElementById('case-new-tenant-error')?.textContent).toBe('Required.')
    expect(document.getElementById('case-new-title-error')?.textContent).toBe('Required.')
    expect(document.getElementById('case-new-summary-error')?.textContent).toBe('Required.')
    expect(document.getElementById('case-new-urls-error')?.textContent).toContain('one web address')
    expect(called).toBe(false)
  })

  it('shows the field errors of a 400 problem next to their fields', async () => {
    server.use(
      http.post('/api/v1/cases', () =>
        problem(400, 'The report is not valid', [
          { field: 'create.body.title', message: 'size must be between 1 and 200' },
          { field: 'create.body.urls[0]', message: 'must be a valid URL' },
        ]),
      ),
    )
    await openForm()

    await chooseTenant('Boulangeries Martin')
    await fireEvent.update(screen.getByLabelText('Title'), 'x')
    await fireEvent.update(screen.getByLabelText('What happened'), 'y')
    await fireEvent.update(screen.getByLabelText('Web addresses concerned'), 'https://x')
    await fireEvent.click(screen.getByTestId('case-report-submit'))

    const titleError = await screen.findByText('size must be between 1 and 200')
    expect(titleError.id).toBe('case-new-title-error')
    expect(screen.getByTestId('case-new-title').getAttribute('aria-describedby')).toContain('case-new-title-error')
    expect(screen.getByTestId('case-new-title').getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById('case-new-urls-error')?.textContent).toBe('must be a valid URL')
    expect(screen.getByTestId('case-report-problem').textContent).toContain('The report is not valid')
    expect(document.activeElement).toBe(screen.getByTestId('case-new-title'))
  })

  it('speaks French', async () => {
    installFakeAuth()
    await renderApp(lawyer, { path: '/cases/new', locale: 'fr' })

    expect(await screen.findByRole('heading', { level: 1, name: 'Signaler un incident' })).toBeTruthy()
    expect(await screen.findByLabelText('Ce qui s’est passé')).toBeTruthy()
    expect(screen.getByTestId('case-report-submit').textContent).toContain('Envoyer le signalement')
  })
})
