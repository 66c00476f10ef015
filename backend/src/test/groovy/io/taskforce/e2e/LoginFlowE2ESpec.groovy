package io.taskforce.e2e

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.Browser
import io.taskforce.support.TestServices
import org.openqa.selenium.By
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files

/**
 * Each demo user logs in through the real Keycloak login page in a real headless Chromium, sees who they
 * are, switches the language both ways and logs out. Screenshots go to target/e2e-screenshots.
 */
@RealServices
class LoginFlowE2ESpec extends Specification {

    /** A fresh browser for each user: no session can leak from one case to the next. */
    @AutoCleanup Browser browser = new Browser()
    @Shared String app = "${SharedApplication.server().URI}/"

    def "#username logs in, sees their name and #identityLabel, switches language and logs out"() {
        when: 'opening the app leads to the Keycloak login page'
        browser.open(app)
        browser.waitFor(By.id('username')).sendKeys(username)
        browser.driver.findElement(By.id('password')).sendKeys('demo')
        browser.driver.findElement(By.id('kc-login')).click()

        then: 'the app shows who is logged in'
        browser.byTestId('user-name').text == name
        browser.byTestId('user-username').text == username
        browser.driver.findElement(By.cssSelector("[data-testid='${identityTestId}']")).text == identityText

        and: 'the page meets WCAG 2.1 AA as far as axe-core can tell'
        browser.accessibilityViolations() == []

        when: 'switching to French'
        browser.byTestId('lang-fr').click()

        then:
        browser.waitUntilText('welcome', "Bienvenue, ${name}")
        browser.htmlLang() == 'fr'
        Files.exists(browser.screenshot("${username}-fr"))

        when: 'switching back to English'
        browser.byTestId('lang-en').click()

        then:
        browser.waitUntilText('welcome', "Welcome, ${name}")
        browser.htmlLang() == 'en'
        Files.exists(browser.screenshot("${username}-en"))

        when: 'logging out'
        browser.byTestId('logout').click()

        then: 'the Keycloak login page is back'
        browser.waitFor(By.id('username')).displayed
        browser.driver.currentUrl.startsWith(TestServices.KEYCLOAK_URL)

        where:
        username     | name             | identityTestId | identityText
        'consultant' | 'Claire Morel'   | 'user-firm'    | 'Communication'
        'lawyer'     | 'Louise Garnier' | 'user-firm'    | 'Legal'
        'reputation' | 'Rémi Lefèvre'   | 'user-firm'    | 'Reputation'
        'client-a'   | 'Antoine Roux'   | 'user-tenant'  | 'Helio Cloud'
        'client-b'   | 'Béatrice Vidal' | 'user-tenant'  | 'Maison Verdier'
        'admin'      | 'Paul Admin'     | 'user-roles'   | 'Platform administrator'

        identityLabel = identityTestId - 'user-'
    }
}
