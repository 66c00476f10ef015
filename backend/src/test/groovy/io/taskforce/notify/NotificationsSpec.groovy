package io.taskforce.notify

import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.LiveStream
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.Tokens
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

/**
 * From a change to the people who must hear of it, through the API with real tokens, a real database and a real
 * SMTP server: the outbox written with the change, the dispatcher job, in-app notifications, e-mails in the
 * recipient's language, live events, and each person's preferences.
 */
@Stepwise
@RealServices
class NotificationsSpec extends Specification {

    static final String CONSULTANT_MAIL = 'consultant@demo.taskforce.test'

    @Shared EmbeddedServer server = SharedApplication.server()
    @Shared Api api
    @Shared String caseId
    @Shared String title = "Incendie dans la salle serveurs ${UUID.randomUUID().toString().take(6)}"
    @Shared String notificationId
    PollingConditions eventually = new PollingConditions(timeout: 15, delay: 0.1)

    def setup() {
        api = new Api(server.URI)
    }

    def "a client's report reaches the consultant at once: live signal, in-app notification, and an e-mail in French"() {
        given:
        def live = new LiveStream(server.URI, Tokens.of('consultant'))
        assert live.status() == 200
        long unreadBefore = unread('consultant')

        when:
        caseId = report('client-a', title)

        then: 'the open intake queue hears of it'
        live.nextFor('intake', caseId) != null

        and: 'the bell counts it and the notification says what happened'
        live.next('notifications') != null
        // exactly one notification of this case; other specs' late deliveries may add to the count meanwhile
        eventually.eventually {
            assert api.get('/api/v1/notifications', Tokens.of('consultant')).json.items.count { it.caseId == caseId } == 1
        }
        unread('consultant') >= unreadBefore + 1
        def first = api.get('/api/v1/notifications', Tokens.of('consultant')).json.items[0]
        first.event == 'case.reported'
        first.caseId == caseId
        first.caseTitle == title
        first.tenantName == 'Helio Cloud'
        first.containsKey('readAt') && first.readAt == null // present, so that clients can tell unread from unknown
        (notificationId = first.id) != null

        and: 'the e-mail arrives once, plain text and HTML, with a link to the case'
        eventually.eventually { assert Mailbox.to(CONSULTANT_MAIL, title).size() == 1 }
        def mail = Mailbox.to(CONSULTANT_MAIL, title)[0]
        mail.subject == "Nouvel incident signalé : ${title}"
        def parts = Mailbox.parts(mail)
        parts['text/plain'].contains("Helio Cloud a signalé un incident : « ${title} »")
        parts['text/plain'].contains("/cases/${caseId}")
        parts['text/html'].contains("href=\"http://localhost:8080/cases/${caseId}\"")

        and: 'the reporting client is not told of their own report'
        api.get('/api/v1/notifications', Tokens.of('client-a')).json.items.every { it.caseId != caseId }

        cleanup:
        live?.close()
    }

    def "nobody else reads or marks another person's notification"() {
        expect:
        api.post("/api/v1/notifications/${notificationId}/read", Tokens.of('lawyer')).status == 404
        api.get('/api/v1/notifications', Tokens.of('lawyer')).json.items.every { it.id != notificationId }
        api.post("/api/v1/notifications/${UUID.randomUUID()}/read", Tokens.of('consultant')).status == 404
        api.get('/api/v1/notifications', Tokens.of('consultant')).json.items.find { it.id == notificationId }.readAt == null
    }

    def "marking one read, then all, empties the bell and tells the person's other open pages"() {
        given:
        def live = new LiveStream(server.URI, Tokens.of('consultant'))
        assert live.status() == 200

        when:
        def one = api.post("/api/v1/notifications/${notificationId}/read", Tokens.of('consultant'))

        then:
        one.status == 204
        api.get('/api/v1/notifications', Tokens.of('consultant')).json.items.find { it.id == notificationId }.readAt != null
        live.next('notifications') != null

        when:
        def all = api.post('/api/v1/notifications/read-all', Tokens.of('consultant'))

        then:
        all.status == 204
        unread('consultant') == 0

        cleanup:
        live?.close()
    }

    def "notifications page newest first with an opaque cursor; a forged cursor is refused"() {
        given:
        report('client-a', "${title} bis")
        eventually.eventually { assert unread('consultant') >= 1 }

        when:
        def page1 = api.get('/api/v1/notifications?limit=1', Tokens.of('consultant')).json
        def page2 = api.get("/api/v1/notifications?limit=1&after=${page1.next}", Tokens.of('consultant')).json

        then:
        page1.items.size() == 1
        page1.items[0].caseTitle == "${title} bis"
        page2.items.size() == 1
        page2.items[0].createdAt <= page1.items[0].createdAt
        api.get('/api/v1/notifications?after=not-a-cursor', Tokens.of('consultant')).status == 400
    }

    def "preferences: e-mails are chosen per event and sent in the person's language"() {
        when:
        def before = api.get('/api/v1/me/notification-preferences', Tokens.of('consultant'))

        then: 'by default French, and e-mail for what asks them to act'
        before.status == 200
        before.json.language == 'fr'
        before.json.email.find { it.event == 'case.reported' }.enabled
        !before.json.email.find { it.event == 'case.status_changed' }.enabled

        when:
        def saved = api.put('/api/v1/me/notification-preferences', Tokens.of('consultant'),
                [language: 'en', email: [[event: 'case.reported', enabled: true]]])
        def english = "Datacenter fire ${UUID.randomUUID().toString().take(6)}"
        def id = report('client-a', english)

        then:
        saved.status == 200
        saved.json.language == 'en'
        eventually.eventually { assert Mailbox.to(CONSULTANT_MAIL, english).size() == 1 }
        Mailbox.to(CONSULTANT_MAIL, english)[0].subject == "New incident reported: ${english}"
        Mailbox.parts(Mailbox.to(CONSULTANT_MAIL, english)[0])['text/plain'].contains("/cases/${id}")
    }

    def "with e-mail off for an event the notification still arrives in the app, and no mail is sent"() {
        given:
        api.put('/api/v1/me/notification-preferences', Tokens.of('consultant'),
                [language: 'fr', email: [[event: 'case.reported', enabled: false]]])
        def quiet = "Rappel produit ${UUID.randomUUID().toString().take(6)}"

        when:
        def id = report('client-a', quiet)

        then:
        eventually.eventually {
            assert api.get('/api/v1/notifications', Tokens.of('consultant')).json.items.any { it.caseId == id }
        }
        Thread.sleep(1500)
        Mailbox.to(CONSULTANT_MAIL, quiet).isEmpty()

        cleanup:
        api.put('/api/v1/me/notification-preferences', Tokens.of('consultant'),
                [language: 'fr', email: [[event: 'case.reported', enabled: true]]])
    }

    def "bad preferences answer a problem naming the field, and change nothing"() {
        given:
        def before = api.get('/api/v1/me/notification-preferences', Tokens.of('lawyer')).json

        expect:
        with(api.put('/api/v1/me/notification-preferences', Tokens.of('lawyer'), body)) {
            status == 400 && problem && text.contains(field) && !text.contains('io.taskforce')
        }
        api.get('/api/v1/me/notification-preferences', Tokens.of('lawyer')).json == before

        where:
        body                                                                                   || field
        [language: 'de', email: []]                                                            || 'language'
        [language: 'fr', email: [[event: 'case.exploded', enabled: true]]]                     || 'email[0].event'
        [language: 'fr', email: [[event: 'task.assigned', enabled: true], [event: 'task.assigned', enabled: false]]] || 'email[1].event'
        [language: 'fr']                                                                       || 'email'
    }

    def "a reconnecting client first receives what it missed, after its last event id"() {
        given:
        def first = new LiveStream(server.URI, Tokens.of('consultant'))
        def seen = first.nextFor('intake', report('client-a', "${title} ter"))
        first.close()

        when: 'a case is reported while the consultant is offline'
        def missed = report('client-a', "${title} quater")
        def again = new LiveStream(server.URI, Tokens.of('consultant'), seen.id as String)

        then:
        again.nextFor('intake', missed, 10) != null

        cleanup:
        again?.close()
    }

    def "live events reach only those who may hear them; without a token there is no stream"() {
        given:
        def otherClient = new LiveStream(server.URI, Tokens.of('client-b'))
        def ownClient = new LiveStream(server.URI, Tokens.of('client-a'))
        assert otherClient.status() == 200

        when:
        def id = report('client-a', "${title} quinquies")

        then:
        ownClient.nextFor('case', id) != null
        otherClient.drain(1500).every { it.data?.caseId != id }
        new LiveStream(server.URI, null).status() == 401

        cleanup:
        otherClient?.close()
        ownClient?.close()
    }

    private String report(String client, String caseTitle) {
        def response = api.post('/api/v1/cases', Tokens.of(client), [
                title     : caseTitle, summary: 'Un départ de feu dans une salle serveurs ; des clients sont hors ligne.',
                occurredAt: '2026-12-01T03:00:00Z', personalData: false])
        assert response.status == 201
        response.json.id
    }

    private long unread(String user) {
        api.get('/api/v1/notifications/unread', Tokens.of(user)).json.count as long
    }
}
