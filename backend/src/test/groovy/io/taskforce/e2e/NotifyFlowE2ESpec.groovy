package io.taskforce.e2e

import io.taskforce.notify.Mailbox
import io.taskforce.support.Api
import io.taskforce.support.Browser
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import org.openqa.selenium.By
import org.openqa.selenium.WebDriver
import org.openqa.selenium.support.ui.WebDriverWait
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

import java.time.Duration
import java.util.function.Function

/**
 * People in a crisis do not refresh pages: with the consultant's home open, a client reports an incident at night;
 * the intake count and the bell change by themselves, the notification leads to the case, and the e-mail is in
 * the SMTP server. Then the consultant chooses their e-mails. Screenshots in English and French; axe-core checks.
 */
@Stepwise
@RealServices
class NotifyFlowE2ESpec extends Specification {

    @Shared @AutoCleanup Browser browser = new Browser()
    @Shared String app = "${SharedApplication.server().URI}/"
    @Shared Api api = new Api(URI.create(app))
    @Shared String title = "Départ de feu au datacenter de Strasbourg ${UUID.randomUUID().toString().take(6)}"
    @Shared String caseId
    @Shared int unreadBefore

    def "with the consultant's home open, a client's report shows up without a reload"() {
        given:
        api.post('/api/v1/notifications/read-all', Tokens.of('consultant'))
        browser.login(app, 'consultant', 'en')
        String waitingText = browser.byTestId('intake-waiting-count').text
        int waitingBefore = api.get('/api/v1/cases/summary', Tokens.of('consultant')).json.intakeWaiting as int
        unreadBefore = unread()
        browser.byTestId('nav-home') // the page stays as it is from here on: no navigation, no reload

        when: 'client-a reports an incident'
        def response = api.post('/api/v1/cases', Tokens.of('client-a'), [
                title: title, summary: 'Un départ de feu dans une salle serveurs ; les services de trois clients sont coupés.',
                occurredAt: '2026-12-03T02:00:00Z', personalData: false])
        caseId = response.json.id

        then:
        response.status == 201
        waitUntil { browser.byTestId('intake-waiting-count').text != waitingText }
        api.get('/api/v1/cases/summary', Tokens.of('consultant')).json.intakeWaiting == waitingBefore + 1
        waitingBefore + 1 == 1 || browser.byTestId('intake-waiting-count').text.contains("${waitingBefore + 1}")
        waitUntil { unread() == unreadBefore + 1 }
        browser.byTestId('notification-bell').getAttribute('aria-label').contains("${unreadBefore + 1} unread")
        browser.screenshot('notify-consultant-home-en')
        browser.accessibilityViolations() == []
    }

    def "the bell lists it; opening it leads to the case and marks it read"() {
        when:
        browser.byTestId('notification-bell').click()
        def panel = browser.byTestId('notification-panel')

        then:
        waitUntil { panel.text.contains(title) }
        panel.text.contains('Helio Cloud')
        browser.screenshot('notify-consultant-panel-en')
        browser.accessibilityViolations() == []

        when:
        def item = panel.findElements(By.cssSelector("[data-testid^='notification-item-']")).find { it.text.contains(title) }
        assert item.getAttribute('data-read') == 'false'
        item.findElement(By.cssSelector("[data-testid^='notification-link-']")).click()

        then:
        browser.waitUntilText('case-title', title)
        waitUntil { unread() == unreadBefore }
    }

    def "the e-mail is in the SMTP server, once, in the consultant's language"() {
        expect:
        new PollingConditions(timeout: 15).eventually {
            assert Mailbox.to('consultant@demo.taskforce.test', title).size() == 1
        }
        Mailbox.to('consultant@demo.taskforce.test', title)[0].subject.startsWith('Nouvel incident signalé')
    }

    def "the consultant chooses their e-mails, in French"() {
        given:
        browser.byTestId('lang-fr').click()
        browser.open("${app}notifications/preferences")

        when:
        browser.byTestId('notification-preferences-form')
        boolean wasOn = browser.driver.findElement(By.cssSelector("[data-testid='preference-email-case.status_changed']")).selected
        browser.byTestId('preference-email-case.status_changed-label').click()
        browser.byTestId('preferences-save').click()

        then:
        browser.byTestId('preferences-saved')
        api.get('/api/v1/me/notification-preferences', Tokens.of('consultant')).json.email
                .find { it.event == 'case.status_changed' }.enabled == !wasOn
        browser.screenshot('notify-consultant-preferences-fr')
        browser.accessibilityViolations() == []

        cleanup:
        api.put('/api/v1/me/notification-preferences', Tokens.of('consultant'),
                [language: 'fr', email: [[event: 'case.status_changed', enabled: false]]])
        browser.logout()
    }

    /** The bell's count, read even while hidden (at zero). */
    private int unread() {
        browser.byTestId('notification-bell')
        String count = browser.driver.findElement(By.cssSelector("[data-testid='notification-count']")).getAttribute('textContent').trim()
        count == '99+' ? 100 : (count ? count as int : 0)
    }

    private void waitUntil(Closure<Boolean> condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until({ WebDriver d -> condition() } as Function)
    }
}
