package io.taskforce.e2e

import io.taskforce.support.Api
import io.taskforce.support.Browser
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.Tokens
import org.openqa.selenium.By
import org.openqa.selenium.Keys
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * A platform admin opens the legal deadline rules from the administration's navigation, edits one (its reminder
 * schedule) and sees the new version, in French then in English. Screenshots go to target/e2e-screenshots. The rule
 * is put back as it was afterwards (as one more version: rules are never rewritten).
 */
@Stepwise
@RealServices
class LegalRulesAdminE2ESpec extends Specification {

    static final String RULE = 'press-discriminatory-1y'

    @Shared @AutoCleanup Browser browser = new Browser()
    @Shared String app = "${SharedApplication.server().URI}/"
    @Shared Api api = new Api(URI.create(app))
    @Shared Map before

    def setupSpec() {
        before = rule()
    }

    def cleanupSpec() {
        api.put("/api/v1/legal/rules/${RULE}", Tokens.of('admin'),
                before.subMap(['nameFr', 'nameEn', 'basis', 'textVersion', 'amount', 'unit', 'counting', 'reminders']))
    }

    def "the admin edits a rule's reminders in French: the form names the version it makes, the table shows it"() {
        given:
        browser.login(app, 'admin', 'fr')
        browser.byTestId('nav-admin').click()
        browser.byTestId('admin-tab-legal-rules').click()
        browser.waitUntilTextContains("admin-legal-rule-${RULE}", before.basis as String)

        when:
        browser.byTestId("admin-legal-rule-edit-${RULE}").click()

        then:
        browser.waitUntilTextContains('legal-rule-versioning', "L'enregistrement crée la version ${before.version + 1} de ${RULE}")
        browser.byTestId('legal-rule-versioning').text.contains("Les délais déjà en cours gardent la version ${before.version}")

        when:
        browser.byTestId('legal-rule-reminders').sendKeys(Keys.END, ', P30D')
        browser.screenshot('legal-rules-edit-fr')
        browser.byTestId('legal-rule-edit-submit').click()

        then:
        browser.waitUntilText("admin-legal-rule-version-${RULE}", "v${before.version + 1}")
        browser.byTestId("admin-legal-rule-reminders-${RULE}").text.endsWith('P30D')
        rule().version == before.version + 1
        rule().reminders == before.reminders + ['P30D']
        browser.screenshot('legal-rules-saved-fr')
        browser.accessibilityViolations() == []
    }

    def "in English the next edit would make the version after, and running clocks keep the one just made"() {
        when:
        browser.byTestId('lang-en').click()
        browser.waitUntilTextContains('admin-legal-rules', 'Loi du 29 juillet 1881')
        browser.byTestId("admin-legal-rule-edit-${RULE}").click()

        then:
        browser.waitUntilTextContains('legal-rule-versioning', "Saving makes version ${before.version + 2} of ${RULE}")
        browser.byTestId('legal-rule-versioning').text.contains("Clocks already running keep version ${before.version + 1}")
        browser.waitFor(By.id('admin-legal-rules-title')).text == 'Legal deadline rules'
        browser.screenshot('legal-rules-edit-en')
        browser.accessibilityViolations() == []

        cleanup:
        browser.byTestId('legal-rule-edit-cancel').click()
    }

    private Map rule() {
        api.get('/api/v1/legal/rules', Tokens.of('admin')).json.find { it.id == RULE } as Map
    }
}
