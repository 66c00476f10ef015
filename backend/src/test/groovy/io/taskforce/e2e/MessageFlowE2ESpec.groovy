package io.taskforce.e2e

import io.taskforce.support.Api
import io.taskforce.support.Browser
import io.taskforce.support.RealServices
import io.taskforce.support.SharedApplication
import io.taskforce.support.Tokens
import org.openqa.selenium.By
import org.openqa.selenium.StaleElementReferenceException
import org.openqa.selenium.WebDriver
import org.openqa.selenium.support.ui.WebDriverWait
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise

import java.time.Duration
import java.util.function.Function

/**
 * The sign-off gate in the real UI, on the Helio Cloud datacenter fire: the consultant drafts a holding statement
 * and the check flags a speculation; the lawyer (in French) asks for a change; the consultant edits and submits
 * again; the lawyer compares the revisions and approves the exact words; the consultant publishes; the client reads
 * the frozen words in the portal; an edit after that visibly voids the approval. Screenshots in English and French, axe-core on each page.
 */
@Stepwise
@RealServices
class MessageFlowE2ESpec extends Specification {

    static final String LAWYER_ID = '6d1b2c3f-4e5a-4b6c-9d7e-8f90a1b2c3d4'

    @Shared @AutoCleanup Browser browser = new Browser()
    @Shared String app = "${SharedApplication.server().URI}/"
    @Shared Api api = new Api(URI.create(app))
    @Shared String title = "Fire at our Strasbourg datacenter ${UUID.randomUUID().toString().take(6)}"
    @Shared String caseId
    @Shared String messageId

    def setupSpec() {
        caseId = api.post('/api/v1/cases', Tokens.of('client-a'), [title: 'Incendie du datacenter SBG-2',
                summary: 'Un incendie s’est déclaré cette nuit dans le bâtiment SBG-2 ; des services sont coupés.', personalData: false]).json.id
        assert api.post("/api/v1/cases/${caseId}/triage", Tokens.of('consultant'), [crisisTypes: ['OUTAGE'], cluster: 'ACCIDENTAL',
                severity: 3, kinetics: 'FAST', phase: 'HOT', workstreams: ['COMMUNICATION', 'LEGAL'], tasks: []]).status == 200
        assert api.post("/api/v1/cases/${caseId}/team", Tokens.of('consultant'), [userId: LAWYER_ID, workstream: 'LEGAL', lead: true]).status == 201
    }

    def "the consultant drafts a holding statement; the check flags the speculation and says why"() {
        given:
        browser.login(app, 'consultant', 'en')
        browser.open("${app}cases/${caseId}?tab=messages")

        when:
        browser.byTestId('message-new').click()
        browser.byTestId('message-kind').click()
        browser.waitFor(By.xpath("//li[@role='option'][contains(@aria-label, 'Holding statement')]")).click()
        type('message-title', title)
        type('message-body', 'Last night a fire broke out in our SBG-2 building. It was probably caused by a power unit.\n\n' +
                'We understand the concern of our customers and we are sorry for the disruption.')
        browser.driver.findElement(By.cssSelector("label[for='message-channels-PRESS']")).click()
        browser.driver.findElement(By.cssSelector("label[for='message-audience-CUSTOMERS']")).click()
        browser.byTestId('message-save').click()

        then:
        browser.waitUntilTextContains('message-state', 'Draft')
        def warning = browser.driver.findElement(By.cssSelector("[data-testid='message-warning'][data-rule='speculation']"))
        warning.text
        browser.driver.findElements(By.tagName('mark'))*.text.contains('probably')
        browser.screenshot('message-consultant-draft-en')
        browser.accessibilityViolations() == []

        when:
        messageId = api.get("/api/v1/cases/${caseId}/messages", Tokens.of('consultant')).json.find { it.title == title }.id
        browser.byTestId('message-submit').click()

        then:
        browser.waitUntilTextContains('message-state', 'In review')
        api.get("/api/v1/messages/${messageId}", Tokens.of('consultant')).json.state == 'IN_REVIEW'

        cleanup:
        browser.logout()
    }

    def "the lawyer, in French, asks for a change"() {
        given:
        browser.login(app, 'lawyer', 'fr')
        browser.open("${app}cases/${caseId}?tab=messages&message=${messageId}")

        when:
        type('message-change-comment', 'Pas de spéculation sur la cause : dites que l’enquête est en cours.')
        browser.byTestId('message-request-changes').click()

        then:
        waitUntil { api.get("/api/v1/messages/${messageId}", Tokens.of('lawyer')).json.state == 'CHANGES_REQUESTED' }
        browser.screenshot('message-lawyer-changes-fr')
        browser.accessibilityViolations() == []

        cleanup:
        browser.logout()
    }

    def "the consultant edits and submits again; the lawyer compares the revisions and approves the exact words"() {
        given: 'the edit, made over revision 1'
        def words = api.get("/api/v1/messages/${messageId}/revisions/1", Tokens.of('consultant')).json
        assert api.put("/api/v1/messages/${messageId}", Tokens.of('consultant'), [kind: 'HOLDING_STATEMENT', title: words.title,
                body: words.body.replace('It was probably caused by a power unit.', 'Its cause is under investigation.'),
                language: words.language, channels: words.channels, audience: words.audience, baseRevision: 1]).status == 200
        assert api.post("/api/v1/messages/${messageId}/submit", Tokens.of('consultant'), [revision: 2]).status == 200
        browser.login(app, 'lawyer', 'fr')
        browser.open("${app}cases/${caseId}?tab=messages&message=${messageId}")

        when:
        def diff = browser.byTestId('message-diff')

        then:
        waitUntil { diff.findElements(By.tagName('del'))*.text.any { it.contains('probably') } }
        diff.findElements(By.tagName('ins'))*.text.any { it.contains('investigation') }
        browser.driver.findElements(By.cssSelector("[data-testid='message-warning'][data-rule='speculation']")).isEmpty()
        browser.screenshot('message-lawyer-diff-fr')
        browser.accessibilityViolations() == []

        when:
        browser.byTestId('message-approve').click()

        then:
        waitUntil { api.get("/api/v1/messages/${messageId}", Tokens.of('lawyer')).json.state == 'APPROVED' }
        with(api.get("/api/v1/messages/${messageId}", Tokens.of('lawyer')).json) {
            approvals*.revision == [2] && approvals[0].sha256 == currentRevision.sha256
        }

        cleanup:
        browser.logout()
    }

    def "the consultant publishes; the client reads the frozen words in the portal"() {
        given:
        browser.login(app, 'consultant', 'en')
        browser.open("${app}cases/${caseId}?tab=messages&message=${messageId}")

        when:
        browser.byTestId('message-publish').click()

        then:
        browser.waitUntilTextContains('message-state', 'Published')
        browser.screenshot('message-consultant-published-en')
        browser.logout()

        when:
        browser.login(app, 'client-a', 'fr')
        browser.byTestId('nav-portal').click()
        // the portal re-renders on live updates: read the texts afresh until they hold still
        String words = null
        waitUntil {
            try {
                words = browser.driver.findElements(By.cssSelector("[data-testid='published-message']"))*.text.find { it.contains(title) }
            } catch (StaleElementReferenceException ignored) {
                words = null
            }
            words != null
        }

        then:
        words.contains('Its cause is under investigation.')
        browser.screenshot('message-client-portal-fr')
        browser.accessibilityViolations() == []

        cleanup:
        browser.logout()
    }

    def "an edit after approval visibly voids the approval: the new words are a draft again, the client keeps the published ones"() {
        given:
        browser.login(app, 'consultant', 'en')
        browser.open("${app}cases/${caseId}?tab=messages&message=${messageId}")

        when:
        browser.byTestId('message-edit').click()
        browser.byTestId('message-body').sendKeys('\n\nNext update at 9 a.m.')
        browser.byTestId('message-save').click()

        then:
        browser.waitUntilTextContains('message-state', 'Draft')
        browser.byTestId('message-approval-voided').displayed
        api.get("/api/v1/messages/${messageId}", Tokens.of('consultant')).json.currentRevision.number == 3
        !api.get("/api/v1/cases/${caseId}/published-messages", Tokens.of('client-a')).json.find { it.id == messageId }.body.contains('9 a.m.')
        browser.screenshot('message-consultant-approval-voided-en')
        browser.accessibilityViolations() == []

        cleanup:
        browser.logout()
    }

    private void type(String testId, String text) {
        def field = browser.byTestId(testId)
        field.clear()
        field.sendKeys(text)
    }

    private void waitUntil(Closure<Boolean> condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until({ WebDriver d -> condition() } as Function)
    }
}
