import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { LegalRule, LegalRuleEdit } from '@/api/legal'
import { axeViolations } from '@/test/axe'
import { installFakeAuth } from '@/test/fakeAuth'
import { admin } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer()

const defamation: LegalRule = {
  id: 'press-defamation-3m',
  version: 1,
  nameFr: 'Diffamation ou injure publique : dernier jour pour agir',
  nameEn: 'Public defamation or insult: last day to sue',
  basis: 'Loi du 29 juillet 1881, art. 65',
  textVersion: 'version en vigueur depuis le 22 juin 2004',
  trigger: 'FIRST_PUBLICATION',
  amount: 3,
  unit: 'MONTHS',
  counting: 'CALENDAR_MONTHS',
  reminders: ['50%', 'P14D', 'P7D', 'P2D'],
  editedAt: '2026-01-01T00:00:00Z',
}
const gdpr: LegalRule = {
  ...defamation,
  id: 'gdpr-breach-72h',
  version: 2,
  nameFr: 'Violation de données : notifier la CNIL',
  nameEn: 'Personal-data breach: notify the CNIL',
  basis: 'RGPD, art. 33',
  textVersion: 'Règlement (UE) 2016/679',
  trigger: 'AWARENESS_OF_BREACH',
  amount: 72,
  unit: 'HOURS',
  counting: 'ELAPSED_HOURS',
  reminders: ['PT48H', 'PT24H', 'PT6H'],
}

function backend(rules: LegalRule[] = [defamation, gdpr]) {
  server.use(
    http.get('/api/v1/legal/rules', () => HttpResponse.json(rules)),
    // the admin area opens on the tenants
    http.get('/api/v1/tenants', () => HttpResponse.json({ items: [], next: null })),
  )
}

async function openRules(locale: 'en' | 'fr' = 'en') {
  installFakeAuth()
  const app = await renderApp(admin, { path: '/admin/legal-rules', locale })
  await screen.findByTestId(`admin-legal-rule-${defamation.id}`)
  return app
}

describe('Administration: legal deadline rules', () => {
  it('is reached from the admin navigation and lists every rule: id, names, basis, version, duration, counting, reminders', async () => {
    backend()
    installFakeAuth()
    const { router } = await renderApp(admin, { path: '/admin' })
    await fireEvent.click(await screen.findByTestId('admin-tab-legal-rules'))
    await waitFor(() => expect(router.currentRoute.value.name).toBe('admin-legal-rules'))

    const row = await screen.findByTestId(`admin-legal-rule-${defamation.id}`)
    for (const text of [defamation.id, defamation.nameFr, defamation.nameEn, defamation.basis, defamation.textVersion, 'v1', '3 months']) {
      expect(row.textContent).toContain(text)
    }
    expect(row.textContent).toContain('Date to same date (months, years)')
    expect(screen.getByTestId(`admin-legal-rule-reminders-${defamation.id}`).textContent).toContain('50%, P14D, P7D, P2D')
    const hours = screen.getByTestId(`admin-legal-rule-${gdpr.id}`)
    expect(hours.textContent).toContain('72 hours')
    expect(hours.textContent).toContain('v2')
    expect(hours.textContent).toContain('Elapsed hours')
    expect(await axeViolations()).toEqual([])
  })

  it('edits a rule: the form names the version it makes and says running clocks keep theirs; the table shows the new version', async () => {
    backend()
    let sent: LegalRuleEdit | null = null
    server.use(
      http.put('/api/v1/legal/rules/:id', async ({ request, params }) => {
        sent = (await request.json()) as LegalRuleEdit
        expect(params.id).toBe(defamation.id)
        return HttpResponse.json({ ...defamation, ...sent, version: 2, editedAt: '2026-03-10T09:00:00Z' })
      }),
    )
    await openRules()

    await fireEvent.click(screen.getByRole('button', { name: `Edit the rule ${defamation.id}` }))
    const versioning = await screen.findByTestId('legal-rule-versioning')
    expect(versioning.textContent).toContain('Saving makes version 2 of press-defamation-3m')
    expect(versioning.textContent).toContain('Clocks already running keep version 1')
    expect((screen.getByTestId('legal-rule-name-fr') as HTMLInputElement).value).toBe(defamation.nameFr)
    expect(document.activeElement).toBe(screen.getByTestId('legal-rule-name-fr'))
    expect(await axeViolations()).toEqual([])

    await fireEvent.update(screen.getByTestId('legal-rule-text-version'), ' version en vigueur depuis le 1er janvier 2027 ')
    await fireEvent.update(screen.getByTestId('legal-rule-reminders'), '50%, P14D,  P7D, P1D,')
    await fireEvent.click(screen.getByTestId('legal-rule-edit-submit'))

    await waitFor(() => expect(screen.getByTestId(`admin-legal-rule-version-${defamation.id}`).textContent).toBe('v2'))
    expect(sent).toEqual({
      nameFr: defamation.nameFr,
      nameEn: defamation.nameEn,
      basis: defamation.basis,
      textVersion: 'version en vigueur depuis le 1er janvier 2027',
      amount: 3,
      unit: 'MONTHS',
      counting: 'CALENDAR_MONTHS',
      reminders: ['50%', 'P14D', 'P7D', 'P1D'],
    })
    expect(screen.getByTestId(`admin-legal-rule-reminders-${defamation.id}`).textContent).toContain('50%, P14D, P7D, P1D')
    expect(await screen.findByText('press-defamation-3m: version 2 saved.')).toBeTruthy()
    expect(screen.queryByTestId('legal-rule-versioning')).toBeNull()
  })

  it('checks the form before sending, and shows the API problem naming the field', async () => {
    backend()
    const puts: string[] = []
    server.use(
      http.put('/api/v1/legal/rules/:id', ({ params }) => {
        puts.push(params.id as string)
        return problem(400, "reminders: 'half-way' is neither a share (50%) nor an ISO-8601 duration.", [
          { field: 'reminders', message: "'half-way' is neither a share (50%) nor an ISO-8601 duration." },
        ])
      }),
    )
    await openRules()
    await fireEvent.click(screen.getByTestId(`admin-legal-rule-edit-${gdpr.id}`))

    await fireEvent.update(screen.getByTestId('legal-rule-basis'), '  ')
    await fireEvent.update(screen.getByTestId('legal-rule-amount'), '0')
    await fireEvent.click(screen.getByTestId('legal-rule-counting'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Whole days' }))
    await fireEvent.click(screen.getByTestId('legal-rule-edit-submit'))

    expect(document.getElementById('legal-rule-basis-error')?.textContent).toBe('Required.')
    expect(document.getElementById('legal-rule-amount-error')?.textContent).toBe('A whole number from 1 to 1000.')
    expect(document.getElementById('legal-rule-counting-error')?.textContent).toBe('Whole days counts Days only.')
    expect(puts).toEqual([])

    await fireEvent.update(screen.getByTestId('legal-rule-basis'), 'RGPD, art. 33')
    await fireEvent.update(screen.getByTestId('legal-rule-amount'), '72')
    await fireEvent.click(screen.getByTestId('legal-rule-counting'))
    await fireEvent.mouseDown(await screen.findByRole('option', { name: 'Elapsed hours' }))
    await fireEvent.update(screen.getByTestId('legal-rule-reminders'), 'half-way')
    await fireEvent.click(screen.getByTestId('legal-rule-edit-submit'))

    expect((await screen.findByTestId('legal-rule-edit-problem')).textContent).toContain('half-way')
    expect(document.getElementById('legal-rule-reminders-error')?.textContent).toContain('half-way')
    expect(puts).toEqual([gdpr.id])
    expect(screen.getByTestId(`admin-legal-rule-version-${gdpr.id}`).textContent).toBe('v2')
  })

  it('speaks French', async () => {
    backend()
    await openRules('fr')

    expect(screen.getByRole('heading', { name: 'Règles de délais légaux' })).toBeTruthy()
    await fireEvent.click(screen.getByRole('button', { name: `Modifier la règle ${gdpr.id}` }))
    const versioning = await screen.findByTestId('legal-rule-versioning')
    expect(versioning.textContent).toContain('crée la version 3 de gdpr-breach-72h')
    expect(versioning.textContent).toContain('Les délais déjà en cours gardent la version 2')
    expect(within(screen.getByTestId(`admin-legal-rule-${gdpr.id}`)).getByText(/72 heures/)).toBeTruthy()
    expect(screen.getByTestId('legal-rule-edit-submit').textContent).toContain('Enregistrer la version 3')
  })
})
