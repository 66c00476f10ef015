package io.taskforce.e2e

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
 * A platform admin creates a tenant and invites its first client in the real UI, checks the platform trail and
 * its verification; the invited client then logs in with the one-time password and chooses their own.
 */
@Stepwise
@RealServices
class AdminFlowE2ESpec extends Specification {

    @Shared @AutoCleanup Browser browser = new Browser()
    @Shared String app = "${SharedApplication.server().URI}/"
    @Shared String slug = "rouen-chimie-${UUID.randomUUID().toString().take(6)}"
    @Shared String email = "directrice-${UUID.randomUUID().toString().take(6)}@rouen-chimie.test"
    @Shared String temporaryPassword

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

    def "the admin invites the tenant's first client and sees the one-time password once"() {
        when:
        browser.byTestId("tenant-row-${slug}").findElement(By.tagName('a')).click()
        type('invite-email', email)
        type('invite-first-name', 'Nathalie')
        type('invite-last-name', 'Leroux')
        browser.byTestId('invite-submit').click()
        temporaryPassword = browser.byTestId('temporary-password').text

        then:
        temporaryPassword.size() >= 16
        browser.screenshot('admin-invitation')

        when:
        browser.byTestId('temporary-password-done').click()

        then:
        browser.waitFor(By.cssSelector("[data-testid='user-row-${email}']")).text.contains('Leroux')
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

    def "the invited client logs in with the one-time password, chooses their own and sees their tenant"() {
        when:
        login(email, temporaryPassword)
        browser.waitFor(By.id('password-new')).sendKeys('Rouen-Lubrizol-2019!')
        browser.driver.findElement(By.id('password-confirm')).sendKeys('Rouen-Lubrizol-2019!', Keys.ENTER)

        then:
        browser.byTestId('user-tenant').text == 'Rouen Chimie'
        browser.byTestId('user-name').text == 'Nathalie Leroux'
        browser.screenshot('invited-client')
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
