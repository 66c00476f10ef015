package io.taskforce.platform

import io.micronaut.context.ApplicationContext
import io.micronaut.runtime.server.EmbeddedServer
import io.taskforce.support.Api
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * Request bodies are held to what their route takes (413), and floods to a rate (429 with Retry-After). The rates are
 * checked on an application of their own with low limits; the shared one runs the rest of the suite unthrottled.
 */
@RealServices
class RequestLimitsSpec extends Specification {

    @Shared EmbeddedServer shared = SharedApplication.server()
    @Shared @AutoCleanup ApplicationContext limited
    @Shared Api api
    @Shared Api limitedApi

    def setupSpec() {
        TestServices.start()
        limited = ApplicationContext.run(EmbeddedServer, [
                'micronaut.server.port'                        : -1,
                'taskforce.jobs.enabled'                       : false,
                'taskforce.rate-limits.user-writes-per-minute'   : 3,
                'taskforce.rate-limits.address-writes-per-minute': 5,
                'taskforce.rate-limits.anonymous-per-minute'     : 3,
        ]).applicationContext
        limitedApi = new Api(limited.getBean(EmbeddedServer).URI)
        api = new Api(shared.URI)
    }

    def "a JSON body larger than the route takes answers 413 as problem+json and saves nothing"() {
        given:
        String client = Tokens.of('client-a')
        int before = api.get('/api/v1/cases?limit=200', client).json.items.size()

        when:
        def response = api.post('/api/v1/cases', client, [title: 'Incendie', summary: 'x' * 300_000, personalData: false])

        then:
        response.status == 413
        response.problem
        response.json.detail.contains('at most 262144 bytes')
        api.get('/api/v1/cases?limit=200', client).json.items.size() == before
    }

    def "an upload route takes a body far beyond the JSON limit, and refuses one beyond its own"() {
        given:
        String specialist = Tokens.of('reputation')
        String imports = "/api/v1/cases/${api.get('/api/v1/cases', specialist).json.items[0].id}/serp-imports"
        def csv = 'keyword,position,url\n' + ('crise helio cloud,1,https://example.test/' + 'a' * 80 + '\n') * 5_000

        expect: 'half a megabyte of CSV reaches the import, which judges its content, not the size gate'
        csv.length() > 262_144
        def imported = api.send('POST', imports, specialist, csv, ['Content-Type': 'text/csv'])
        imported.status in [400, 422] // refused for its missing columns, whole: nothing imported
        imported.problem
        !imported.json.detail.contains('bytes')

        when:
        def tooBig = api.send('POST', imports, specialist, 'x' * 10_485_761, ['Content-Type': 'text/csv'])

        then:
        tooBig.status == 413
        tooBig.problem
    }

    def "changes beyond a user's rate answer 429 with Retry-After; another user, and reads, still pass"() {
        given:
        String consultant = Tokens.of('consultant')
        String lawyer = Tokens.of('lawyer')

        and: 'a change that changes nothing: marking read a notification that does not exist (404), which still counts'
        def change = { String token -> limitedApi.post("/api/v1/notifications/${UUID.randomUUID()}/read", token) }

        when: 'the consultant tries four changes in a row (three allowed per minute)'
        def answers = (1..4).collect { change(consultant) }

        then:
        answers.take(3)*.status.every { it == 404 }
        answers[3].status == 429
        answers[3].problem
        answers[3].header('Retry-After').toInteger() in 1..60

        and: 'reading is not limited, and the lawyer has a bucket of their own'
        limitedApi.get('/api/v1/me', consultant).status == 200
        change(lawyer).status == 404

        when: 'the address has spent its five changes: the lawyer is refused too'
        change(lawyer)
        def addressSpent = change(lawyer)

        then:
        addressSpent.status == 429
        addressSpent.header('Retry-After') != null
    }

    def "requests without a token are limited per address (the secret calendar-feed URLs, the sign-in configuration)"() {
        when:
        def answers = (1..4).collect { limitedApi.get("/api/v1/legal/calendar-feeds/guess-${it}") }

        then:
        answers.take(3)*.status.every { it == 404 }
        answers[3].status == 429
        answers[3].problem
        answers[3].header('Retry-After') != null
    }
}
