package io.taskforce.e2e

import io.taskforce.support.Api
import io.taskforce.support.MessageGate
import io.taskforce.support.Browser
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.Tokens
import org.openqa.selenium.By
import org.openqa.selenium.Keys
import org.openqa.selenium.WebDriver
import org.openqa.selenium.chromium.HasCdp
import org.openqa.selenium.support.ui.ExpectedConditions
import org.openqa.selenium.support.ui.WebDriverWait
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.function.Function

/**
 * Working the Helio Cloud fire in the real UI: the consultant logs two facts (one public), places the CNIL and the
 * customers on the grid, marks the customers informed, logs the rumour "all customer data is lost" and debunks it
 * with the statement published on the case; the client sees the public entries (and the statement's title) and not
 * the internal one, and hears of the public ones; the report downloads. Screenshots in French and
 * English go to target/e2e-screenshots; axe-core checks each page.
 */
@Stepwise
@RealServices
class EngagementFlowE2ESpec extends Specification {

    @Shared @AutoCleanup Browser browser = new Browser()
    @Shared String app = "${SharedApplication.server().URI}/"
    @Shared Api api = new Api(URI.create(app))
    @Shared String tag = UUID.randomUUID().toString().take(6)
    @Shared String caseId
    @Shared Path downloads = Files.createTempDirectory('tf-e2e-downloads')
    @Shared String statement = "Point de situation : les données clients sont intactes ${tag}"

    def setupSpec() {
        ['consultant', 'lawyer'].each { api.get('/api/v1/me', Tokens.of(it)) }
        caseId = api.post('/api/v1/cases', Tokens.of('client-a'), [title: "Incendie du datacenter SBG-3 ${tag}",
                summary: 'Un incendie a touché le bâtiment SBG-3 cette nuit.', personalData: false]).json.id
        assert api.post("/api/v1/cases/${caseId}/triage", Tokens.of('consultant'), [crisisTypes: ['INDUSTRIAL_ACCIDENT'],
                cluster: 'ACCIDENTAL', severity: 4, kinetics: 'FAST', phase: 'HOT', workstreams: ['COMMUNICATION', 'LEGAL'], tasks: []]).status == 200
        publishStatement()
    }

    def "the consultant logs two facts, one public, in French"() {
        given:
        browser.login(app, 'consultant', 'fr')
        // to the case through the header's search box: the case's title words, accents left out
        type('header-search', "datacenter incendie ${tag}")
        browser.byTestId('header-search').sendKeys(Keys.ENTER)
        browser.waitUntilTextContains('search-results', "Incendie du datacenter SBG-3 ${tag}", 30)
        browser.screenshot('engagement-search-fr')
        browser.driver.findElement(By.linkText("Incendie du datacenter SBG-3 ${tag}".toString())).click()
        browser.openCaseTab('log')

        when:
        logFact("Les pompiers ont maîtrisé l’incendie à 6 h ${tag}", true)
        logFact("Interne : l’assureur passe à 14 h ${tag}", false)

        then:
        browser.waitUntilTextContains('log-entries', "Les pompiers ont maîtrisé l’incendie à 6 h ${tag}")
        browser.waitUntilTextContains('log-entries', "Interne : l’assureur passe à 14 h ${tag}")
        browser.byTestId('log-entries').text.contains('Dossier qualifié') // the triage logged itself
        show('log-filters')
        browser.screenshot('engagement-log-fr')
        browser.accessibilityViolations() == []
    }

    def "the consultant places the CNIL and the customers on the grid and marks the customers informed"() {
        when:
        browser.openCaseTab('stakeholders')
        browser.byTestId('sh-proposed') // triage of an industrial accident proposed the usual stakeholders
        browser.driver.findElements(By.cssSelector("[data-testid='sh-proposed-CUSTOMERS'] [data-testid='sh-keep']")).each { it.click() }
        browser.byTestId('sh-todo-Clients')
        addStakeholder('Régulateur', 'CNIL', '5', '2')
        browser.byTestId('sh-todo-CNIL')
        browser.driver.findElement(By.cssSelector("[data-testid='sh-todo-Clients'] [data-testid='sh-mark-informed']")).click()
        browser.byTestId('sh-informed-Clients')

        then:
        browser.driver.findElements(By.cssSelector("[data-testid='sh-todo-Clients']")).isEmpty()
        browser.byTestId('stakeholder-grid').findElements(By.cssSelector("[data-stakeholder='CNIL']")).size() == 1
        browser.byTestId('stakeholder-grid').findElements(By.cssSelector("[data-stakeholder='Clients']")).size() == 1
        browser.screenshot('engagement-stakeholders-fr')
        browser.accessibilityViolations() == []
    }

    def "the consultant logs the rumour and debunks it, in English"() {
        given:
        browser.byTestId('lang-en').click()
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until({ WebDriver d -> browser.htmlLang() == 'en' } as Function)

        when:
        browser.openCaseTab('rumours')
        type('rumour-add-claim', "All customer data is lost ${tag}")
        type('rumour-add-reach', '15000')
        browser.byTestId('rumour-add-submit').click()
        def open = browser.byTestId('rumour-open')
        String id = open.getAttribute('data-rumour-id')
        browser.screenshot('engagement-rumour-open-en')
        type("rumour-${id}-response", "Backups are intact: no customer data is lost ${tag}")
        choose("rumour-${id}-message", statement)
        browser.screenshot('engagement-rumour-answer-en')
        browser.byTestId("rumour-${id}-submit").click()

        then:
        browser.byTestId('rumour-debunk-time').text.contains('debunked in')
        browser.byTestId('rumour-message').text == "Published message: “${statement}”"
        browser.byTestId('rumours-none-open')
        browser.screenshot('engagement-rumour-debunked-en')
        browser.accessibilityViolations() == []
    }

    def "the report downloads from the case page"() {
        given:
        ((HasCdp) browser.driver).executeCdpCommand('Browser.setDownloadBehavior',
                [behavior: 'allow', downloadPath: downloads.toString()])

        when:
        browser.byTestId('case-report-download').click()

        then:
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until({ WebDriver d ->
            Files.list(downloads).withCloseable { s -> s.anyMatch { it.fileName.toString() ==~ /report-.*\.pdf/ } }
        } as Function)
        Files.newInputStream(Files.list(downloads).withCloseable { s -> s.filter { it.fileName.toString().endsWith('.pdf') }.findFirst().get() })
                .withCloseable { new String(it.readNBytes(5)) } == '%PDF-'

        cleanup:
        browser.logout()
    }

    def "the client sees the public entry and not the internal one, in both languages"() {
        given:
        browser.login(app, 'client-a', 'fr')

        when:
        browser.byTestId('nav-portal').click()
        browser.waitUntilTextContains("public-log-${caseId}", "Les pompiers ont maîtrisé l’incendie à 6 h ${tag}", 30)

        then:
        !browser.byTestId("public-log-${caseId}").text.contains('Interne')
        browser.byTestId("public-log-${caseId}").text.contains("Backups are intact: no customer data is lost ${tag}")
        browser.byTestId("public-log-${caseId}").text.contains("Message publié : « ${statement} »")
        show("public-log-${caseId}")
        browser.screenshot('engagement-client-portal-fr')
        browser.accessibilityViolations() == []

        when:
        browser.byTestId('lang-en').click()
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until({ WebDriver d -> browser.htmlLang() == 'en' } as Function)

        then:
        browser.waitUntilTextContains("public-log-${caseId}", 'What happened')
        browser.waitUntilTextContains("public-log-${caseId}", "Published message: “${statement}”")
        show("public-log-${caseId}")
        browser.screenshot('engagement-client-portal-en')

        when: 'the bell tells the client of the public entries'
        browser.byTestId('notification-bell').click()

        then:
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until({ WebDriver d ->
            browser.byTestId('notification-panel').text.contains(
                    "New in the running log of Incendie du datacenter SBG-3 ${tag}: Backups are intact: no customer data is lost ${tag}")
        } as Function)
        !browser.byTestId('notification-panel').text.contains('Interne')
        browser.screenshot('engagement-client-notified-en')

        cleanup:
        browser.logout()
    }

    /** The holding statement answering the rumour, drafted, approved by the team's lawyer and published (the API's way). */
    private void publishStatement() {
        assert api.post("/api/v1/cases/${caseId}/team", Tokens.of('consultant'),
                [userId: '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4', workstream: 'LEGAL', lead: true]).status == 201
        MessageGate.published(api, caseId, [kind: 'PRESS_RELEASE', title: statement, language: 'fr',
                body: 'Nos sauvegardes sont intactes : aucune donnée client n’est perdue.', channels: ['PRESS'], audience: ['CUSTOMERS']])
    }

    /** Scrolls the element to the top of the window, so that the screenshot shows it. */
    private void show(String testId) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript('arguments[0].scrollIntoView(true)', browser.byTestId(testId))
    }

    private void logFact(String text, boolean isPublic) {
        type('log-add-text', text)
        if (isPublic) {
            browser.byTestId('log-add-public-label').click()
        }
        browser.byTestId('log-add-submit').click()
        browser.waitUntilTextContains('log-entries', text)
    }

    private void addStakeholder(String group, String name, String power, String interest) {
        choose('sh-add-group', group)
        type('sh-add-name', name)
        choose('sh-add-power', power)
        choose('sh-add-interest', interest)
        browser.byTestId('sh-add-submit').click()
    }

    /** Picks an option of a select; waits for its list to close, so that the next select's options are its own. */
    private void choose(String testId, String label) {
        browser.byTestId(testId).click()
        browser.waitFor(By.xpath("//li[@role='option' and normalize-space(.)='${label}']")).click()
        new WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[role='listbox']")))
    }

    private void type(String testId, String text) {
        def field = browser.byTestId(testId)
        field.clear()
        field.sendKeys(Keys.chord(Keys.CONTROL, 'a'), Keys.DELETE)
        field.sendKeys(text)
    }
}
