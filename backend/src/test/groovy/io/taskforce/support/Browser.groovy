package io.taskforce.support

import org.openqa.selenium.By
import org.openqa.selenium.OutputType
import org.openqa.selenium.WebDriver
import org.openqa.selenium.WebElement
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import org.openqa.selenium.support.ui.ExpectedConditions
import org.openqa.selenium.support.ui.WebDriverWait

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.function.Function

/**
 * A real headless Chromium driven by Selenium, with the browser and driver paths set explicitly so that
 * Selenium Manager never tries to download anything. Fails loudly when they are not installed.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv('CHROMIUM_BIN') ?: '/usr/bin/chromium'
    static final String CHROMEDRIVER = System.getenv('CHROMEDRIVER_BIN') ?: '/usr/bin/chromedriver'
    static final Path SCREENSHOTS = Path.of('target', 'e2e-screenshots')

    final WebDriver driver
    private final Path profile

    Browser() {
        [CHROMIUM, CHROMEDRIVER].each { path ->
            if (!Files.isExecutable(Path.of(path))) {
                throw new IllegalStateException("${path} not found: the browser tests need Chromium and its driver. " +
                        'Install them with: apt-get install -y chromium chromium-driver ' +
                        '(or set CHROMIUM_BIN and CHROMEDRIVER_BIN).')
            }
        }
        profile = Files.createTempDirectory('taskforce-chromium')
        def options = new ChromeOptions().setBinary(CHROMIUM)
        options.addArguments('--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                '--disable-dev-shm-usage', '--window-size=1280,900', '--lang=en-US', "--user-data-dir=${profile}".toString())
        def service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build()
        driver = new ChromeDriver(service, options)
        Files.createDirectories(SCREENSHOTS)
    }

    void open(String url) { driver.get(url) }

    /** Signs in through Keycloak's page as a demo user (password "demo") and switches the UI to the language. */
    void login(String app, String username, String language) {
        driver.manage().deleteAllCookies()
        open(app)
        try {
            waitFor(By.id('username'))
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot('login-page-missing')
            throw new IllegalStateException("no login page at ${driver.currentUrl}: ${driver.pageSource.take(2000)}", e)
        }
        driver.findElement(By.id('username')).sendKeys(username)
        driver.findElement(By.id('password')).sendKeys('demo')
        driver.findElement(By.id('kc-login')).click()
        byTestId('welcome')
        byTestId("lang-${language}").click()
        new WebDriverWait(driver, Duration.ofSeconds(10)).until({ WebDriver d -> htmlLang() == language } as Function)
    }

    void logout() {
        byTestId('logout').click()
        waitFor(By.id('username'))
    }

    WebElement waitFor(By by, int seconds = 30) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(ExpectedConditions.visibilityOfElementLocated(by))
    }

    WebElement byTestId(String id, int seconds = 30) { waitFor(By.cssSelector("[data-testid='${id}']"), seconds) }

    /**
     * Opens a tab of the case workspace. A case has more tabs than a laptop screen is wide: the tab list scrolls
     * behind its previous/next buttons, which may cover the tab, so the tab is scrolled to and clicked by script (the
     * click a user makes after pressing "next").
     */
    void openCaseTab(String name, int seconds = 30) {
        def tab = waitFor(By.cssSelector("[data-testid='case-tab-${name}']"), seconds)
        (driver as org.openqa.selenium.JavascriptExecutor).executeScript(
                "arguments[0].scrollIntoView({block: 'nearest', inline: 'center'}); arguments[0].click()", tab)
    }

    void waitUntilText(String testId, String expected, int seconds = 15) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='${testId}']"), expected))
    }

    void waitUntilTextContains(String testId, String expected, int seconds = 15) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid='${testId}']"), expected))
    }

    /**
     * WCAG 2.1 A/AA violations on the current page, by axe-core (a front-end dev dependency, injected into the
     * page): "rule-id: how many nodes" for each one.
     */
    List<String> accessibilityViolations() {
        def axe = TestServices.repoRoot().resolve('frontend/node_modules/axe-core/axe.min.js')
        if (!Files.exists(axe)) {
            throw new IllegalStateException("${axe} not found: build the front end first (./mvnw -pl frontend install)")
        }
        def js = driver as org.openqa.selenium.JavascriptExecutor
        js.executeScript(Files.readString(axe))
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30))
        def result = js.executeAsyncScript('''
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
               .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.length + ' (' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ') + ')')))
               .catch(e => done(['axe failed: ' + e]));''')
        result as List<String>
    }

    String htmlLang() { driver.findElement(By.tagName('html')).getAttribute('lang') }

    Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve("${name}.png")
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES))
        file
    }

    @Override
    void close() {
        driver.quit()
        profile.toFile().deleteDir()
    }
}
