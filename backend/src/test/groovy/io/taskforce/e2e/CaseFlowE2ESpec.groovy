package io.taskforce.e2e

import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.Api
import io.taskforce.support.Browser
import io.taskforce.support.TestServices
import io.taskforce.support.Tokens
import org.openqa.selenium.By
import org.openqa.selenium.Keys
import org.openqa.selenium.WebDriver
import org.openqa.selenium.WebElement
import org.openqa.selenium.support.ui.WebDriverWait
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.time.Duration
import java.util.function.Function

/**
 * A crisis from the client's report to an active case, in the real UI: client-a reports an incident in the portal;
 * the demo consultant finds it in the intake queue, triages it with the legal and reputation workstreams and builds
 * the team with the demo lawyer and reputation specialist, then activates the case; the lawyer finds it among their
 * cases. The reputation specialist could not see it before being added, and client-b never sees it. Screenshots in
 * English and French go to target/e2e-screenshots; axe-core checks each main page.
 */
@Stepwise
@RealServices
class CaseFlowE2ESpec extends Specification {

    @Shared @AutoCleanup Browser browser = new Browser()
    @Shared String app = "${SharedApplication.server().URI}/"
    @Shared Api api = new Api(URI.create(app))
    @Shared String title = "Faux avis et accusations d’arnaque contre Helio Cloud ${UUID.randomUUID().toString().take(6)}"
    @Shared String caseId

    def "client-a reports an incident in the portal and sees it received"() {
        given:
        login('client-a', 'en')

        when:
        browser.byTestId('nav-portal').click()
        browser.byTestId('portal-report').click()
        type('case-new-title', title)
        type('case-new-summary', 'Des dizaines de faux avis nous accusent d’arnaque depuis hier soir et un forum relaie ' +
                'une liste de clients prétendument escroqués.')
        type('case-new-urls', 'https://avis.test/helio-cloud\nhttps://forum.test/t/helio-arnaque')
        browser.byTestId('case-new-hostile-label').click()

        then:
        browser.byTestId('case-new-first-published-at').displayed
        browser.screenshot('case-client-report-en')
        browser.accessibilityViolations() == []

        when:
        browser.byTestId('case-report-submit').click()
        browser.byTestId('area-portal')
        caseId = api.get('/api/v1/cases', Tokens.of('client-a')).json.items.find { it.title == title }?.id

        then:
        caseId
        browser.waitUntilTextContains("portal-case-${caseId}", 'Received')
        browser.screenshot('case-client-portal-en')
        browser.accessibilityViolations() == []

        cleanup:
        logout()
    }

    def "client-b's company never sees it"() {
        expect:
        !api.get('/api/v1/cases', Tokens.of('client-b')).json.items*.id.contains(caseId)
        api.get("/api/v1/cases/${caseId}", Tokens.of('client-b')).status == 404
    }

    def "the consultant finds it in the intake queue of their home"() {
        given:
        login('consultant', 'fr')

        when:
        WebElement link = intakeLink(caseId)

        then:
        browser.byTestId("intake-row-${caseId}").text.contains('Helio Cloud')
        browser.byTestId("intake-row-${caseId}").getAttribute('data-late') == 'false'
        browser.screenshot('case-consultant-home-fr')
        browser.accessibilityViolations() == []

        when:
        link.click()

        then:
        browser.waitUntilText('case-title', title)
        browser.byTestId('case-status').text == 'Nouveau'
    }

    def "the consultant triages it, with the legal and reputation workstreams"() {
        when:
        browser.openCaseTab('triage')
        browser.byTestId('triage-form')
        ['LEGAL', 'REPUTATION'].each { workstream ->
            browser.driver.findElements(By.cssSelector("[data-testid='triage-ws-add-${workstream}']")).each { it.click() }
        }

        then:
        browser.byTestId('triage-ws-LEGAL').displayed
        browser.byTestId('triage-ws-REPUTATION').displayed
        browser.screenshot('case-consultant-triage-fr')
        browser.accessibilityViolations() == []

        when:
        browser.byTestId('triage-submit').click()

        then: 'the case is triaged and the team tab opens'
        browser.byTestId('team-add-submit').displayed
        browser.waitUntilText('case-status', 'Qualifié')
        browser.byTestId('team-member-consultant').displayed
    }

    def "off the team, the reputation specialist cannot see the triaged case"() {
        expect:
        api.get("/api/v1/cases/${caseId}", Tokens.of('reputation')).status == 404
        !api.get('/api/v1/cases', Tokens.of('reputation')).json.items*.id.contains(caseId)
        !api.get('/api/v1/cases/intake?limit=200', Tokens.of('reputation')).json.items*.id.contains(caseId)
    }

    def "the consultant builds the team with the demo lawyer and reputation specialist as leads, then activates the case"() {
        when:
        addLead('Louise Garnier', 'lawyer', 'Juridique')
        addLead('Rémi Lefèvre', 'reputation', 'E-réputation')

        then:
        browser.byTestId('team-member-lawyer').text.contains('Pilote')
        browser.byTestId('team-member-reputation').text.contains('Pilote')
        browser.screenshot('case-consultant-team-fr')
        browser.accessibilityViolations() == []

        when:
        browser.openCaseTab('overview')
        browser.byTestId('case-status-ACTIVE').click()

        then:
        browser.waitUntilText('case-status', 'Actif')
        browser.waitUntilText('workstream-lead-LEGAL', 'Louise Garnier')
        browser.waitUntilText('workstream-lead-REPUTATION', 'Rémi Lefèvre')
        browser.screenshot('case-consultant-overview-fr')
        browser.accessibilityViolations() == []

        when:
        browser.byTestId('lang-en').click()

        then:
        browser.waitUntilText('case-status', 'Active')
        browser.screenshot('case-consultant-overview-en')

        cleanup:
        logout()
    }

    def "the lawyer finds the case among their cases and sees the team's leads"() {
        given:
        login('lawyer', 'en')

        when:
        browser.byTestId('nav-cases').click()
        WebElement link = listedLink('case-link', caseId, 'cases-load-more')

        then:
        browser.byTestId("case-row-${caseId}").text.contains('Helio Cloud')
        browser.screenshot('case-lawyer-cases-en')
        browser.accessibilityViolations() == []

        when:
        link.click()

        then:
        browser.waitUntilText('case-title', title)
        browser.byTestId('case-status').text == 'Active'
        browser.waitUntilText('workstream-lead-LEGAL', 'Louise Garnier')
        browser.screenshot('case-lawyer-workspace-en')
        browser.accessibilityViolations() == []

        when:
        browser.openCaseTab('tasks')

        then:
        browser.byTestId('tasks-LEGAL').displayed
        browser.screenshot('case-lawyer-tasks-en')
        browser.accessibilityViolations() == []

        cleanup:
        logout()
    }

    def "client-b's portal never lists it"() {
        given:
        login('client-b', 'fr')

        when:
        browser.byTestId('nav-portal').click()
        browser.waitFor(By.cssSelector("[data-testid^='portal-case-']"))

        then:
        browser.driver.findElements(By.cssSelector("[data-testid='portal-case-${caseId}']")).isEmpty()
        !browser.driver.pageSource.contains(title)
        browser.screenshot('case-client-b-portal-fr')
        browser.accessibilityViolations() == []

        cleanup:
        logout()
    }

    def "client-a follows the case in progress, workstream by workstream"() {
        given:
        login('client-a', 'fr')

        when:
        browser.byTestId('nav-portal').click()

        then:
        browser.waitUntilTextContains("portal-case-${caseId}", 'En cours')
        browser.byTestId("portal-case-${caseId}").findElements(By.cssSelector("[data-testid='portal-workstream-LEGAL']")).size() == 1
        browser.byTestId("portal-case-${caseId}").findElements(By.cssSelector("[data-testid='portal-workstream-REPUTATION']")).size() == 1
        browser.screenshot('case-client-portal-fr')
        browser.accessibilityViolations() == []

        cleanup:
        logout()
    }

    private void login(String username, String language) {
        browser.login(app, username, language)
    }

    private void logout() {
        browser.logout()
    }

    private void type(String testId, String text) {
        def field = browser.byTestId(testId)
        field.clear()
        field.sendKeys(Keys.chord(Keys.CONTROL, 'a'), Keys.DELETE)
        field.sendKeys(text)
    }

    /** The case's link in the intake queue, loading older pages while it is not shown yet. */
    private WebElement intakeLink(String id) {
        browser.waitFor(By.cssSelector("[data-testid^='intake-row-']"))
        listedLink('intake-link', id, 'intake-load-more')
    }

    /** The link `<prefix>-<id>` of a keyset list, clicking "load more" until it appears. */
    private WebElement listedLink(String prefix, String id, String loadMore) {
        By link = By.cssSelector("[data-testid='${prefix}-${id}']")
        By rows = By.cssSelector("[data-testid^='${prefix}-']")
        browser.waitFor(rows)
        for (int page = 0; page < 20 && browser.driver.findElements(link).isEmpty(); page++) {
            def more = browser.driver.findElements(By.cssSelector("[data-testid='${loadMore}']"))
            if (more.isEmpty()) {
                break
            }
            int shown = browser.driver.findElements(rows).size()
            more.first().click()
            new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                    .until({ WebDriver d -> d.findElements(rows).size() > shown } as Function)
        }
        browser.waitFor(link)
    }

    /** Puts a demo staff member on the team as the lead of their firm's workstream (chosen for them by the form). */
    private void addLead(String name, String username, String workstreamLabel) {
        browser.byTestId('team-add-user').click()
        browser.waitFor(By.xpath("//li[@role='option'][contains(@aria-label, '${name}')]")).click()
        browser.waitUntilTextContains('team-add-workstream', workstreamLabel)
        browser.byTestId('team-add-lead-label').click()
        browser.byTestId('team-add-submit').click()
        browser.byTestId("team-member-${username}")
    }
}
