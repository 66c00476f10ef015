import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen } from '@testing-library/vue'
import type { LegalStatus } from '@/api/legal'
import { clientCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { client } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const server = useMswServer()

describe('Portal: the legal deadlines of a case', () => {
  it('shows the clocks by name, last day and state, and the actions by kind and state, in French', async () => {
    const c = clientCase({ workstreams: [{ workstream: 'LEGAL', status: 'ACTIVE', tasksDone: 0, tasksTotal: 1 }] })
    const status: LegalStatus = {
      clocks: [{ ruleId: 'press-defamation-3m', nameFr: 'Diffamation ou injure publique : dernier jour pour agir', nameEn: 'Public defamation', lastDay: '2026-11-23', state: 'RUNNING' }],
      actions: [{ kind: 'FORMAL_NOTICE', status: 'SENT', sentAt: '2026-09-01T10:00:00Z' }],
    }
    server.use(
      http.get('/api/v1/cases', () => HttpResponse.json({ items: [c], next: null })),
      http.get(`/api/v1/cases/${c.id}/legal-status`, () => HttpResponse.json(status)),
    )
    installFakeAuth()
    await renderApp(client, { path: '/portal', locale: 'fr' })

    await fireEvent.click(await screen.findByTestId(`portal-legal-open-${c.id}`))
    const clock = await screen.findByTestId('portal-legal-clock-press-defamation-3m')
    expect(clock.textContent).toContain('Diffamation ou injure publique : dernier jour pour agir')
    expect(clock.textContent).toContain('23 novembre 2026')
    expect(clock.textContent).toContain('En cours')
    expect(screen.getByTestId(`portal-legal-${c.id}`).textContent).toContain('Mise en demeure (Envoyée)')
  })
})
