package io.taskforce.e2e

import io.taskforce.notify.WebhookSignature
import io.taskforce.support.Browser
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.WebhookReceiver
import org.openqa.selenium.By
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions

/**
 * A platform admin creates a firm's webhook in the real UI, pointing at a real receiver on this machine, copies the
 * secret shown once, sends a test and sees it delivered in the log; the receiver checks the signature.
 */
@Stepwise
@RealServices
class WebhookFlowE2ESpec extends Specification {

    @Shared @AutoCleanup Browser browser = new Browser()
    @Shared @AutoCleanup WebhookReceiver receiver = new WebhookReceiver()
    @Shared String app = "${SharedApplication.server().URI}/"
    @Shared String path = "/e2e-${UUID.randomUUID().toString().take(8)}"
    @Shared String secret

    def "the admin creates a webhook and sees its secret once"() {
        given:
        browser.login(app, 'admin', 'en')

        when:
        browser.byTestId('nav-admin').click()
        browser.byTestId('admin-tab-webhooks').click()
        browser.byTestId('webhook-create-owner').click()
        browser.waitFor(By.xpath("//li[@role='option' and normalize-space(.)='Firm: Legal']")).click()
        def url = browser.byTestId('webhook-create-url')
        url.sendKeys(receiver.url(path))
        browser.byTestId('webhook-create-submit').click()
        secret = browser.byTestId('webhook-secret').text

        then:
        secret ==~ /[A-Za-z0-9_-]{43}/
        browser.byTestId('webhook-secret-warning').text.contains('only once')
        browser.screenshot('admin-webhook-secret')
        browser.accessibilityViolations() == []

        when:
        browser.byTestId('webhook-secret-done').click()

        then:
        browser.waitFor(By.xpath("//tr[starts-with(@data-testid, 'webhook-row-')][contains(., '${path}')]")).text.contains('Firm: Legal')
        !browser.driver.pageSource.contains(secret)
    }

    def "the admin sends a test and sees it delivered in the log"() {
        given:
        def row = browser.waitFor(By.xpath("//tr[starts-with(@data-testid, 'webhook-row-')][contains(., '${path}')]"))
        String id = row.getAttribute('data-testid') - 'webhook-row-'

        when:
        browser.byTestId("webhook-test-${id}").click()

        then: 'the receiver gets it, signed with the secret shown at creation'
        new PollingConditions(timeout: 20, delay: 0.2).eventually {
            assert receiver.at(path).any { it.header('X-Taskforce-Event') == 'webhook.test' }
        }
        def received = receiver.at(path).find { it.header('X-Taskforce-Event') == 'webhook.test' }
        WebhookSignature.verify(secret, received.header('X-Taskforce-Timestamp') as long, received.body,
                received.header('X-Taskforce-Signature'))

        and: "the log follows the delivery until it shows the receiver's answer"
        String delivery = received.header('X-Taskforce-Delivery')
        browser.waitFor(By.cssSelector("[data-testid='delivery-status-${delivery}'][data-status='SENT']"), 20)
        browser.byTestId("delivery-attempts-${delivery}").text.contains('HTTP 200')
        browser.byTestId("delivery-row-${delivery}").text.contains('webhook.test')
        browser.screenshot('admin-webhook-log')
        browser.accessibilityViolations() == []

        cleanup:
        browser.logout()
    }
}
