package io.taskforce.e2e

import io.taskforce.notify.Mailbox
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.Browser
import io.taskforce.support.TestServices
import org.openqa.selenium.By
import org.openqa.selenium.Keys
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * A platform admin creates a tenant and invites its first client in the real UI, sees the invitation sent, checks the
 * platform trail and its verification; the invited client then follows the link of Keycloak's e-mail (read from the
 * test's SMTP server), chooses their password and lands in the application with their tenant.
 */
@Stepwise
@RealServices
class AdminFlowE2ESpec extends Specification {

    @Shared @AutoCleanup Browser browser = new Browser()
    @Shared String app = "${SharedApplication.server().URI}/"
    @Shared String slug = "rouen-chimie-${UUID.randomUUID().toString().take(6)}"
    @Shared String email = "directrice-${UUID.randomUUID().toString().take(6)}@rouen-chimie.test"
    @Shared String invitationLink

    def "the admin creates a tenant from the administration page"() {
        given:
        login('admin', 'demo')

        when:
        browser.byTestId('nav-admin').click()
        type('tenant-create-name', 'Rouen Chimie')
        type('tenant-create-slug', slug)
        browser.byTestId('tenant-create-submit').click()

        then:
        browser.byTestId("tenant-row-${slug}").text.contains('Rouen Chimie')
        browser.screenshot('admin-tenants')
        browser.accessibilityViolations() == []
    }

    def "the admin invites the tenant's first client and sees the invitation sent, with no password shown"() {
        when:
        browser.byTestId("tenant-row-${slug}").findElement(By.tagName('a')).click()
        type('invite-email', email)
        type('invite-first-name', 'Nathalie')
        type('invite-last-name', 'Leroux')
        browser.byTestId('invite-submit').click()

        then: 'the notice follows the e-mail until Keycloak has sent it'
        browser.waitFor(By.cssSelector("[data-testid='invitation-notice'][data-status='SENT']")).text.contains(email)
        browser.waitFor(By.cssSelector("[data-testid='user-invitation-${email}'][data-status='SENT']"))
        browser.waitFor(By.cssSelector("[data-testid='user-row-${email}']")).text.contains('Leroux')
        browser.driver.findElements(By.cssSelector("[data-testid='temporary-password']")).isEmpty()
        browser.screenshot('admin-invitation')
        browser.accessibilityViolations() == []

        and: "the invitation is Keycloak's e-mail, in the tenant's language"
        def mails = Mailbox.to(email, 'Taskforce — activez votre accès')
        mails.size() == 1
        (invitationLink = (Mailbox.parts(mails[0])['text/plain'] =~ /(http\S+login-actions\/action-token\S+)/)[0][1]) != null
    }

    def "the admin sees the platform trail and every chain verified"() {
        when:
        browser.byTestId('nav-audit').click()
        browser.byTestId('audit-verify').click()

        then:
        browser.waitFor(By.cssSelector("[data-testid='audit-chain-platform'][data-valid='true']"))
        browser.driver.findElements(By.cssSelector("[data-testid^='audit-event-']")).size() > 0
        browser.driver.pageSource.contains('tenant.created') || browser.driver.pageSource.contains(slug)
        browser.screenshot('admin-audit')
        browser.accessibilityViolations() == []

        cleanup:
        browser.byTestId('logout').click()
        browser.waitFor(By.id('username'))
    }

    def "the invited client follows the link, chooses their password and sees their tenant"() {
        when: 'Keycloak may first ask to confirm the action, then asks for the password, then leads back to the application'
        browser.driver.manage().deleteAllCookies()
        browser.open(invitationLink)
        followUntilSignedIn('Rouen-Lubrizol-2019!')

        then:
        browser.byTestId('user-tenant').text == 'Rouen Chimie'
        browser.byTestId('user-name').text == 'Nathalie Leroux'
        browser.screenshot('invited-client')
    }

    /**
     * Goes through the pages Keycloak shows after an invitation link: a confirmation ("click here to proceed"), the
     * password form, a page linking back to the application, and the login form if no session was kept.
     */
    private void followUntilSignedIn(String password) {
        long deadline = System.currentTimeMillis() + 60_000
        boolean passwordChosen = false
        while (browser.driver.findElements(By.cssSelector("[data-testid='user-tenant']")).isEmpty()) {
            assert System.currentTimeMillis() < deadline: "stuck on ${browser.driver.currentUrl}"
            if (!passwordChosen && !browser.driver.findElements(By.id('password-new')).isEmpty()) {
                browser.driver.findElement(By.id('password-new')).sendKeys(password)
                browser.driver.findElement(By.id('password-confirm')).sendKeys(password, Keys.ENTER)
                passwordChosen = true
            } else if (passwordChosen && !browser.driver.findElements(By.id('username')).isEmpty()) {
                login(email, password)
            } else {
                def onward = browser.driver.findElements(By.cssSelector("a[href*='login-actions']:not([href*='kc_locale']), a[href^='${app}']"))
                if (!onward.isEmpty()) {
                    onward.first().click()
                }
            }
            sleep(300)
        }
    }

    private void login(String username, String password) {
        browser.driver.manage().deleteAllCookies()
        browser.open(app)
        browser.waitFor(By.id('username')).sendKeys(username)
        browser.driver.findElement(By.id('password')).sendKeys(password)
        browser.driver.findElement(By.id('kc-login')).click()
    }

    private void type(String testId, String text) {
        def field = browser.byTestId(testId)
        field.clear()
        field.sendKeys(Keys.chord(Keys.CONTROL, 'a'), Keys.DELETE)
        field.sendKeys(text)
    }
}
