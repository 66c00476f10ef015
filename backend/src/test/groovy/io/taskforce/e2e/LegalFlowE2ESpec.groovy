package io.taskforce.e2e

import io.taskforce.support.Api
import io.taskforce.support.Browser
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.Tokens
import org.openqa.selenium.By
import org.openqa.selenium.JavascriptExecutor
import org.openqa.selenium.Keys
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

/**
 * The legal workstream in the real UI, on the demo defamation campaign against Maison Verdier's director: the lawyer
 * records the hostile publication and qualifies it, sees the clock with its last day and basis, records a formal
 * notice and writes a privileged note; the consultant cannot read the note; the client sees the clock's date; the
 * calculator answers for a date of the lawyer's choosing. Screenshots in French and English go to
 * target/e2e-screenshots.
 */
@Stepwise
@RealServices
class LegalFlowE2ESpec extends Specification {

    @Shared @AutoCleanup Browser browser = new Browser()
    @Shared String app = "${SharedApplication.server().URI}/"
    @Shared Api api = new Api(URI.create(app))
    @Shared String caseId

    def setupSpec() {
        caseId = api.get('/api/v1/cases', Tokens.of('lawyer')).json.items.find { it.title.startsWith('Campagne de dénigrement') }?.id
        assert caseId: 'the demo defamation case of Maison Verdier'
    }

    def "the lawyer records the hostile publication and qualifies it as defamation: the clock shows its last day and basis"() {
        given:
        browser.login(app, 'lawyer', 'fr')
        openLegalTab()

        when: 'the form is filled in from the report: its first URL and first publication'
        browser.byTestId('legal-publication-submit').click()
        def card = browser.waitFor(By.cssSelector("article[data-testid^='legal-publication-']"))
        card.findElement(By.cssSelector("[data-testid='legal-publication-qualify']")).click()
        browser.waitFor(By.xpath("//li[@role='option'][contains(@aria-label, 'Diffamation (personne ou société)')]")).click()
        card.findElement(By.cssSelector("[data-testid='legal-publication-qualify-submit']")).click()

        then:
        def clock = browser.byTestId('legal-clock-press-defamation-3m')
        browser.waitUntilTextContains('legal-clock-press-defamation-3m', 'Loi du 29 juillet 1881, art. 65')
        clock.text.contains('Diffamation ou injure publique')
        clock.findElement(By.cssSelector("[data-testid='legal-clock-last-day']")).getAttribute('datetime') == lastDay()
        browser.screenshot('legal-clock-fr')
        browser.accessibilityViolations() == []
    }

    def "the lawyer records a formal notice and writes a privileged note"() {
        when:
        def title = browser.byTestId('legal-action-title')
        title.sendKeys('Mise en demeure de retirer l’article')
        browser.byTestId('legal-action-submit').click()
        browser.byTestId('legal-action-FORMAL_NOTICE')
        browser.byTestId('legal-note-body').sendKeys('Piste : ancien salarié licencié en septembre ; prévoir une requête 145 CPC.')
        browser.byTestId('legal-note-submit').click()
        browser.byTestId('legal-notes-show').click()

        then:
        browser.waitUntilTextContains('legal-notes-list', 'ancien salarié')
        browser.byTestId('lang-en').click()
        browser.waitUntilTextContains('legal-clock-press-defamation-3m', 'Public defamation or insult')
        browser.screenshot('legal-case-en')
    }

    def "the calculator answers for a date of the lawyer's choosing"() {
        when:
        browser.open("${app}legal")
        browser.byTestId('legal-calculator-rule').click()
        browser.waitFor(By.xpath("//li[@role='option'][contains(@aria-label, 'Public defamation or insult')]")).click()
        setValue('legal-calculator-day', '2014-08-23')
        browser.byTestId('legal-calculator-submit').click()

        then:
        browser.waitUntilTextContains('legal-result-last-day', 'November 23, 2014')
        browser.byTestId('legal-result-ends-at').text.contains('24:00')
        browser.byTestId('legal-result-non-working').displayed
        browser.screenshot('legal-calculator-en')
        browser.accessibilityViolations() == []

        when:
        browser.byTestId('lang-fr').click()

        then:
        browser.waitUntilTextContains('legal-result-non-working', 'samedi ou un dimanche')
        browser.screenshot('legal-calculator-fr')
    }

    def "the consultant on the team reads the clocks but not the privileged notes"() {
        when:
        browser.logout()
        browser.login(app, 'consultant', 'en')
        openLegalTab()
        browser.byTestId('legal-clock-press-defamation-3m')

        then:
        browser.driver.findElements(By.cssSelector("[data-testid='legal-notes']")).isEmpty()
        api.get("/api/v1/cases/${caseId}/privileged-notes", Tokens.of('consultant')).status == 403
        browser.screenshot('legal-consultant-en')
    }

    def "the client sees the clock's date in the portal"() {
        when:
        browser.logout()
        browser.login(app, 'client-b', 'fr')
        browser.byTestId('nav-portal').click()
        browser.byTestId("portal-legal-open-${caseId}").click()

        then:
        browser.waitUntilTextContains('portal-legal-clock-press-defamation-3m', 'Diffamation ou injure publique')
        browser.byTestId('portal-legal-clock-press-defamation-3m').findElement(By.tagName('time')).getAttribute('datetime') == lastDay()
        browser.screenshot('legal-portal-fr')
    }

    /** Opens the case from the lawyer's list of cases (as a person would) and its legal tab; the machine may be slow. */
    private void openLegalTab() {
        browser.open("${app}cases/${caseId}")
        try {
            browser.openCaseTab('legal', 60)
            browser.byTestId('case-legal', 60)
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot('legal-tab-missing')
            throw new IllegalStateException("no legal tab at ${browser.driver.currentUrl}: ${browser.driver.findElement(By.tagName('body')).text.take(1500)}", e)
        }
    }

    /** The defamation clock's last day as the API computed it. */
    private String lastDay() {
        api.get("/api/v1/cases/${caseId}/clocks", Tokens.of('lawyer')).json.clocks.find { it.ruleId == 'press-defamation-3m' && it.state == 'RUNNING' }.lastDay
    }

    private void setValue(String testId, String value) {
        def field = browser.byTestId(testId)
        (browser.driver as JavascriptExecutor).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }))", field, value)
    }
}
