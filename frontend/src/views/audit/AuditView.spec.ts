import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { AuditVerification, ChainVerification } from '@/api/audit'
import { installFakeAuth } from '@/test/fakeAuth'
import { admin, auditEvent, helio, lawyer } from '@/test/fixtures'
import { useMswServer } from '@/test/msw'
import { renderApp } from '@/test/renderApp'

const server = useMswServer()

const platformChain: ChainVerification = {
  chain: 'platform',
  name: 'platform',
  events: 5,
  headSeq: 5,
  valid: true,
  firstBroken: null,
  checkpoints: 2,
  lastCheckpointSeq: 4,
}

const brokenChain: ChainVerification = {
  chain: helio.id,
  name: 'Helio Cloud',
  events: 12,
  headSeq: 12,
  valid: false,
  firstBroken: { seq: 7, reason: 'hash mismatch' },
  checkpoints: 0,
  lastCheckpointSeq: null,
}

function verification(chains: ChainVerification[]): AuditVerification {
  return { verifiedAt: '2026-05-10T08:00:00Z', chains }
}

function auditApi({ chains = [platformChain] }: { chains?: ChainVerification[] } = {}) {
  const calls = { before: [] as (string | null)[], verifications: 0, checkpoints: 0 }
  server.use(
    http.get('/api/v1/platform/audit', ({ request }) => {
      const before = new URL(request.url).searchParams.get('before')
      calls.before.push(before)
      return before === null
        ? HttpResponse.json({
            items: [
              auditEvent(5, { action: 'user.deactivated', entityType: 'user', changes: { active: { before: true, after: false } } }),
              auditEvent(4, {
                action: 'tenant.renamed',
                changes: { name: { before: 'Helio', after: '<img src=x onerror=alert(1)>' } },
                clientRequestId: 'caller-7f3',
              }),
              auditEvent(3),
            ],
            next: '3',
          })
        : HttpResponse.json({ items: [auditEvent(2), auditEvent(1)], next: null })
    }),
    http.get('/api/v1/platform/audit/verification', () => {
      calls.verifications++
      return HttpResponse.json(verification(chains))
    }),
    http.post('/api/v1/platform/audit/checkpoints', () => {
      calls.checkpoints++
      return HttpResponse.json(
        { items: [{ chain: 'platform', seq: 5, hash: 'ab'.repeat(32), signedAt: '2026-05-10T08:01:00Z', keyId: 'k1' }] },
        { status: 201 },
      )
    }),
  )
  return calls
}

function eventSeqs(): string[] {
  return [...document.querySelectorAll('[data-testid^="audit-event-"]')]
    .map((row) => row.getAttribute('data-testid') ?? '')
    .filter((id) => /^audit-event-\d+$/.test(id))
}

describe('Audit trail', () => {
  it('shows the platform trail newest first and loads older events', async () => {
    const calls = auditApi()
    installFakeAuth()
    await renderApp(admin, { path: '/audit' })

    await screen.findByTestId('audit-event-5')
    expect(eventSeqs()).toEqual(['audit-event-5', 'audit-event-4', 'audit-event-3'])
    const newest = screen.getByTestId('audit-event-5')
    expect(newest.textContent).toContain('admin')
    expect(newest.textContent).toContain('User deactivated')
    expect(newest.textContent).toContain('05ababababab…')
    expect(within(newest).getByTitle(auditEvent(5).hash)).toBeTruthy()
    expect(screen.getByRole('table', { name: 'Platform events' })).toBeTruthy()

    await fireEvent.click(screen.getByTestId('audit-load-more'))

    await waitFor(() =>
      expect(eventSeqs()).toEqual(['audit-event-5', 'audit-event-4', 'audit-event-3', 'audit-event-2', 'audit-event-1']),
    )
    expect(calls.before).toEqual([null, '3'])
    expect(screen.queryByTestId('audit-load-more')).toBeNull()
  })

  it('opens an event to show its changes as plain text', async () => {
    auditApi()
    installFakeAuth()
    await renderApp(admin, { path: '/audit' })
    const row = await screen.findByTestId('audit-event-4')

    const toggle = within(row).getByRole('button', { name: 'Details' })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    await fireEvent.click(toggle)

    const detail = await screen.findByTestId('audit-event-detail-4')
    expect(detail.textContent).toContain('name')
    expect(detail.textContent).toContain('Helio')
    expect(detail.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(detail.querySelector('img')).toBeNull()
    expect(detail.textContent).toContain(auditEvent(4).prevHash)
    expect(detail.textContent).toContain('203.0.113.7')
    expect(detail.textContent).toContain(`Request id${auditEvent(4).requestId}`)
    expect(detail.textContent).toContain("Caller's request idcaller-7f3")
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
  })

  it('shows a broken chain with the seq and reason of its first broken link', async () => {
    auditApi({ chains: [platformChain, brokenChain] })
    installFakeAuth()
    await renderApp(admin, { path: '/audit' })

    const broken = await screen.findByTestId(`audit-chain-${helio.id}`)
    expect(broken.getAttribute('data-valid')).toBe('false')
    expect(broken.textContent).toContain('Helio Cloud')
    expect(broken.textContent).toContain('broken')
    expect(broken.textContent).toContain('No. 7: hash mismatch')
    const valid = screen.getByTestId('audit-chain-platform')
    expect(valid.getAttribute('data-valid')).toBe('true')
    expect(valid.textContent).toContain('valid')
    expect(screen.getByTestId('audit-verification-summary').textContent).toContain('One chain is broken.')
    expect(screen.getByRole('table', { name: 'Chain verification' })).toBeTruthy()
  })

  it('verifies again on demand', async () => {
    const calls = auditApi()
    installFakeAuth()
    await renderApp(admin, { path: '/audit' })
    await screen.findByTestId('audit-chain-platform')
    expect(calls.verifications).toBe(1)

    await fireEvent.click(screen.getByTestId('audit-verify'))

    await waitFor(() => expect(calls.verifications).toBe(2))
  })

  it('signs a checkpoint, then verifies again', async () => {
    const calls = auditApi()
    installFakeAuth()
    await renderApp(admin, { path: '/audit' })
    await screen.findByTestId('audit-chain-platform')

    await fireEvent.click(screen.getByRole('button', { name: 'Sign checkpoint now' }))

    expect(await screen.findByText('One checkpoint signed.')).toBeTruthy()
    expect(calls.checkpoints).toBe(1)
    await waitFor(() => expect(calls.verifications).toBe(2))
  })

  it('keeps the placeholder for staff, whose audit trails come with cases', async () => {
    installFakeAuth()
    await renderApp(lawyer, { path: '/audit' })

    expect(screen.getByTestId('coming-soon')).toBeTruthy()
    expect(screen.queryByTestId('audit-verify')).toBeNull()
  })
})
