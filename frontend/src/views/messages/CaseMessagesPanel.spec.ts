import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/vue'
import type { FromTemplate, NewMessage } from '@/api/messages'
import type { Me } from '@/api/me'
import { CASE_ID, triagedCase } from '@/test/caseFixtures'
import { installFakeAuth } from '@/test/fakeAuth'
import { consultant, lawyer } from '@/test/fixtures'
import { MESSAGE_ID, messageView, noPublishedMessages, revisionSummary, revisionView, template } from '@/test/messageFixtures'
import { useMswServer } from '@/test/msw'
import { problem } from '@/test/problems'
import { renderApp } from '@/test/renderApp'

const server = useMswServer(
  http.get(`/api/v1/cases/${CASE_ID}`, () => HttpResponse.json(triagedCase())),
  http.get(`/api/v1/messages/${MESSAGE_ID}`, () => HttpResponse.json(messageView())),
  http.get(`/api/v1/messages/${MESSAGE_ID}/revisions/:n`, ({ params }) => HttpResponse.json(revisionView(Number(params.n)))),
  noPublishedMessages,
)

async function openTab(me: Me = consultant, messages = [messageView()]) {
  server.use(http.get(`/api/v1/cases/${CASE_ID}/messages`, () => HttpResponse.json(messages)))
  installFakeAuth()
  const app = await renderApp(me, { path: `/cases/${CASE_ID}?tab=messages` })
  await screen.findByRole('heading', { level: 2, name: 'Messages' }, { timeout: 5000 })
  return app
}

async function choose(testid: string, option: string): Promise<void> {
  await fireEvent.click(screen.getByTestId(testid))
  await fireEvent.mouseDown(await screen.findByRole('option', { name: option }))
}

describe('Case messages: the list', () => {
  it('lists the case’s messages with kind, title, state, current revision and last change', async () => {
    await openTab(consultant, [
      messageView({ state: 'IN_REVIEW', currentRevision: revisionSummary(3), updatedAt: '2026-03-10T05:00:00Z' }),
      messageView({ id: 'm-2', kind: 'SOCIAL_POST', title: 'Thread on X', state: 'PUBLISHED' }),
    ])

    expect(screen.getByTestId('case-tab-messages').textContent).toBe('Messages')
    const rows = await screen.findAllByTestId('message-row')
    expect(rows).toHaveLength(2)
    const first = rows[0] as HTMLElement
    expect(within(first).getByRole('link', { name: 'Fire at our Strasbourg site' })).toBeTruthy()
    expect(first.textContent).toContain('Holding statement')
    expect(within(first).getByTestId('message-state').textContent).toBe('In review')
    expect(first.textContent).toContain('Revision 3')
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe('2026-03-10T05:00:00Z')
    expect(within(rows[1] as HTMLElement).getByTestId('message-state').textContent).toBe('Published')
    expect(await screen.findByTestId('published-empty')).toBeTruthy()
  })

  it('opens a message from the list, its id in the URL', async () => {
    const { router } = await openTab()

    await fireEvent.click(await screen.findByRole('link', { name: 'Fire at our Strasbourg site' }))

    expect(await screen.findByTestId('message-detail')).toBeTruthy()
    expect(router.currentRoute.value.query).toEqual({ tab: 'messages', message: MESSAGE_ID })
    await fireEvent.click(screen.getByTestId('message-back'))
    await waitFor(() => expect(router.currentRoute.value.query).toEqual({ tab: 'messages' }))
    expect(await screen.findByTestId('message-row')).toBeTruthy()
  })

  it('says so when the case has no message', async () => {
    await openTab(lawyer, [])
    expect(await screen.findByTestId('messages-empty')).toBeTruthy()
    // lawyers draft too
    expect(screen.getByTestId('message-new')).toBeTruthy()
  })
})

describe('Case messages: a new message', () => {
  it('drafts a message with kind, language, title, Markdown body, channels and audience, then opens it', async () => {
    let posted: NewMessage | null = null
    server.use(
      http.post(`/api/v1/cases/${CASE_ID}/messages`, async ({ request }) => {
        posted = (await request.json()) as NewMessage
        return HttpResponse.json(messageView(), { status: 201 })
      }),
    )
    const { router } = await openTab(consultant, [])

    await fireEvent.click(screen.getByTestId('message-new'))
    await choose('message-kind', 'Holding statement')
    await choose('message-language', 'Français')
    await fireEvent.update(screen.getByTestId('message-title'), '  Incendie sur notre site  ')
    await fireEvent.update(screen.getByTestId('message-body'), 'Nous sommes **désolés**.\n\n- Personne n’est blessé')
    await fireEvent.click(screen.getByTestId('message-channels-WEBSITE'))
    await fireEvent.click(screen.getByTestId('message-channels-PRESS'))
    await fireEvent.click(screen.getByTestId('message-audience-PUBLIC'))
    await fireEvent.click(screen.getByTestId('message-save'))

    await waitFor(() => expect(router.currentRoute.value.query.message).toBe(MESSAGE_ID))
    expect(posted).toEqual({
      kind: 'HOLDING_STATEMENT',
      title: 'Incendie sur notre site',
      body: 'Nous sommes **désolés**.\n\n- Personne n’est blessé',
      language: 'fr',
      channels: ['PRESS', 'WEBSITE'],
      audience: ['PUBLIC'],
    })
    expect(await screen.findByTestId('message-detail')).toBeTruthy()
  })

  it('asks for kind, title, text and a channel before calling the API, and shows the API’s refusal', async () => {
    let calls = 0
    server.use(
      http.post(`/api/v1/cases/${CASE_ID}/messages`, () => {
        calls++
        return problem(400, 'The message is not valid.', [{ field: 'create.draft.title', message: 'size must be at most 300' }])
      }),
    )
    await openTab(consultant, [])

    await fireEvent.click(screen.getByTestId('message-new'))
    await fireEvent.click(screen.getByTestId('message-save'))
    expect(document.getElementById('message-kind-error')?.textContent).toBe('Required.')
    expect(document.getElementById('message-title-error')?.textContent).toBe('Required.')
    expect(document.getElementById('message-body-error')?.textContent).toBe('Required.')
    expect(document.getElementById('message-channels-error')?.textContent).toBe('Choose at least one channel.')
    expect(calls).toBe(0)

    await choose('message-kind', 'Press release')
    await fireEvent.update(screen.getByTestId('message-title'), 'Title')
    await fireEvent.update(screen.getByTestId('message-body'), 'Body')
    await fireEvent.click(screen.getByTestId('message-channels-PRESS'))
    await fireEvent.click(screen.getByTestId('message-save'))

    expect((await screen.findByTestId('message-form-problem')).textContent).toContain('The message is not valid.')
    expect(document.getElementById('message-title-error')?.textContent).toBe('size must be at most 300')
    expect(calls).toBe(1)
  })

  it('fills in an approved template of the chosen language and sends the blanks, channels and audience', async () => {
    let posted: FromTemplate | null = null
    server.use(
      http.get('/api/v1/message-templates', () =>
        HttpResponse.json([
          template(),
          template({ id: 'holding-outage-fr', language: 'fr', title: 'Incident en cours : point de situation' }),
          template({ id: 'holding-industrial-en', crisisType: 'INDUSTRIAL_ACCIDENT', title: 'Accident at our site', approved: false }),
        ]),
      ),
      http.post(`/api/v1/cases/${CASE_ID}/messages/from-template`, async ({ request }) => {
        posted = (await request.json()) as FromTemplate
        return HttpResponse.json(messageView({ state: 'APPROVED', templateId: 'holding-outage-en' }), { status: 201 })
      }),
    )
    const { router } = await openTab(consultant, [])

    await fireEvent.click(screen.getByTestId('message-from-template'))
    await fireEvent.click(screen.getByTestId('message-template'))
    // only approved templates in English (the page's language)
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Ongoing incident: situation update — Service outage']),
    )
    await fireEvent.mouseDown(screen.getByRole('option'))
    expect((await screen.findByTestId('message-template-words')).textContent).toContain('On {{date}}, an incident affected {{place}}.')
    await fireEvent.update(screen.getByTestId('message-fill-date'), '10 March 2026')
    await fireEvent.update(screen.getByTestId('message-fill-place'), 'our Strasbourg data centre')
    await fireEvent.update(screen.getByTestId('message-fill-facts'), 'A fire destroyed one building.')
    await fireEvent.update(screen.getByTestId('message-fill-actions'), 'Firefighters are on site.')
    await fireEvent.update(screen.getByTestId('message-fill-next-update'), '18:00 today')
    await fireEvent.click(screen.getByTestId('message-template-channels-WEBSITE'))
    await fireEvent.click(screen.getByTestId('message-template-audience-CUSTOMERS'))
    await fireEvent.click(screen.getByTestId('message-template-save'))

    await waitFor(() => expect(router.currentRoute.value.query.message).toBe(MESSAGE_ID))
    expect(posted).toEqual({
      templateId: 'holding-outage-en',
      fills: {
        date: '10 March 2026',
        place: 'our Strasbourg data centre',
        facts: 'A fire destroyed one building.',
        actions: 'Firefighters are on site.',
        nextUpdate: '18:00 today',
      },
      channels: ['WEBSITE'],
      audience: ['CUSTOMERS', 'PUBLIC'],
    })
  })
})
