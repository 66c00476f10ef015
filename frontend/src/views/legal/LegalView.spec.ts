import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, within } from '@testing-library/vue'
import type { DeadlinePreview, LegalRule } from '@/api/legal'
import { installFakeAuth } from '@/test/fakeAuth'
import { lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const defamation: LegalRule = {
  id: 'press-defamation-3m',
  version: 1,
  nameFr: 'Diffamation ou injure publique : dernier jour pour agir',
  nameEn: 'Public defamation or insult: last day to sue',
  basis: 'Loi du 29 juillet 1881, art. 65',
  textVersion: 'Art. 65',
  trigger: 'FIRST_PUBLICATION',
  amount: 3,
  unit: 'MONTHS',
  counting: 'CALENDAR_MONTHS',
  reminders: ['50%', 'P14D'],
  editedAt: '2026-01-01T00:00:00Z',
}
const gdpr: LegalRule = {
  ...defamation,
  id: 'gdpr-breach-72h',
  nameFr: 'Violation de données : notifier la CNIL',
  nameEn: 'Personal-data breach: notify the CNIL',
  basis: 'RGPD, art. 33',
  trigger: 'AWARENESS_OF_BREACH',
  amount: 72,
  unit: 'HOURS',
  counting: 'ELAPSED_HOURS',
}

const server = useMswServer(
  http.get('/api/v1/legal/rules', () => HttpResponse.json([defamation, gdpr])),
  http.get('/api/v1/legal/calendar', () => HttpResponse.json([])),
  http.get('/api/v1/legal/calendar/feed', () => HttpResponse.json({ active: false, createdAt: null, path: null })),
)

function answering(preview: DeadlinePreview | null) {
  const asked: { rule: string | null; trigger: string | null }[] = []
  server.use(
    http.get('/api/v1/legal/deadline-preview', ({ request }) => {
      const q = new URL(request.url).searchParams
      asked.push({ rule: q.get('rule'), trigger: q.get('trigger') })
      return preview
        ? HttpResponse.json(preview)
        : HttpResponse.json(
            { title: 'Bad Request', status: 400, detail: 'trigger: expected an ISO-8601 local date' },
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          )
    }),
  )
  return asked
}

async function pick(label: string) {
  await fireEvent.click(screen.getByTestId('legal-calculator-rule'))
  await fireEvent.mouseDown(await screen.findByRole('option', { name: label }))
}

describe('Legal: the deadline calculator', () => {
  it('lists the rules with their duration, basis and counting convention', async () => {
    installFakeAuth()
    await renderApp(lawyer, { path: '/legal' })

    const row = await screen.findByTestId('legal-rule-press-defamation-3m')
    expect(row.textContent).toContain('Public defamation or insult: last day to sue')
    expect(row.textContent).toContain('3 months')
    expect(row.textContent).toContain('Loi du 29 juillet 1881, art. 65')
    expect(row.textContent).toContain('From date to same date')
    expect(screen.getByTestId('legal-rule-gdpr-breach-72h').textContent).toContain('72 hours')
  })

  it('computes a press deadline from a date: last day, 24:00 Paris time, basis, and the weekend flagged', async () => {
    const asked = answering({
      rule: 'press-defamation-3m',
      lastDay: '2014-11-23',
      endsAt: '2014-11-23T23:00:00Z',
      nonWorkingLastDay: true,
      basis: 'Loi du 29 juillet 1881, art. 65',
    })
    installFakeAuth()
    await renderApp(lawyer, { path: '/legal' })
    await screen.findByTestId('legal-rule-press-defamation-3m')

    await pick('Public defamation or insult: last day to sue')
    await fireEvent.update(screen.getByTestId('legal-calculator-day'), '2014-08-23')
    await fireEvent.click(screen.getByTestId('legal-calculator-submit'))

    const result = await screen.findByTestId('legal-result')
    expect(asked).toEqual([{ rule: 'press-defamation-3m', trigger: '2014-08-23' }])
    expect(within(result).getByTestId('legal-result-last-day').textContent).toContain('Sunday, November 23, 2014')
    expect(within(result).getByTestId('legal-result-ends-at').textContent).toContain('at 24:00, Paris time')
    expect(within(result).getByTestId('legal-result-basis').textContent).toBe('Loi du 29 juillet 1881, art. 65')
    expect(within(result).getByTestId('legal-result-non-working').textContent).toContain('a weekend day')
  })

  it('sends the time for an hour period and shows the exact hour, in French', async () => {
    const asked = answering({
      rule: 'gdpr-breach-72h',
      lastDay: '2024-04-01',
      endsAt: '2024-04-01T09:00:00Z',
      nonWorkingLastDay: true,
      basis: 'RGPD, art. 33',
    })
    installFakeAuth()
    await renderApp(lawyer, { path: '/legal', locale: 'fr' })
    await screen.findByTestId('legal-rule-gdpr-breach-72h')

    await pick('Violation de données : notifier la CNIL')
    await fireEvent.update(screen.getByTestId('legal-calculator-day'), '2024-03-29')
    await fireEvent.update(screen.getByTestId('legal-calculator-time'), '10:00')
    await fireEvent.click(screen.getByTestId('legal-calculator-submit'))

    const result = await screen.findByTestId('legal-result')
    expect(asked).toEqual([{ rule: 'gdpr-breach-72h', trigger: '2024-03-29T10:00' }])
    expect(result.textContent).toContain('lundi 1 avril 2024')
    expect(result.textContent).toContain('à 11:00, heure de Paris')
    expect(result.textContent).toContain('un jour férié')
  })

  it('checks its fields before asking, and shows the API problem when the trigger is refused', async () => {
    const asked = answering(null)
    installFakeAuth()
    await renderApp(lawyer, { path: '/legal' })
    await screen.findByTestId('legal-rule-press-defamation-3m')

    await fireEvent.click(screen.getByTestId('legal-calculator-submit'))
    expect(await screen.findByText('Required.')).toBeTruthy()
    expect(screen.getByText('Enter a date (YYYY-MM-DD).')).toBeTruthy()
    expect(asked).toEqual([])

    await pick('Public defamation or insult: last day to sue')
    await fireEvent.update(screen.getByTestId('legal-calculator-day'), '2024-08-23')
    await fireEvent.click(screen.getByTestId('legal-calculator-submit'))
    expect((await screen.findByTestId('legal-calculator-problem')).textContent).toContain('ISO-8601')
    expect(screen.queryByTestId('legal-result')).toBeNull()
  })
})
