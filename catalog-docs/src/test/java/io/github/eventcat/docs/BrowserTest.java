package io.github.eventcat.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.eventcat.catalog.Catalog;
import io.github.eventcat.catalog.CatalogLoader;
import io.github.eventcat.catalog.Topic;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The example catalog's site in a real browser: Debian's Chromium, headless, driven through its
 * chromedriver by Selenium. Without them the test fails and says what to install.
 */
class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

    private static ChromeDriver browser;
    private static Catalog catalog;
    private static Path site;

    @BeforeAll
    static void openBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get update && apt-get install -y chromium chromium-driver (.ci/run does it when missing)");
        }
        catalog = CatalogLoader.load(DocsGeneratorTest.EXAMPLE);
        site = ExampleSite.generate().index().getParent();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("eventcat-chromium"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(String page) {
        browser.get(site.resolve(page).toUri().toString());
    }

    @Test
    void overviewListsEveryTopic() throws Exception {
        open("index.html");
        List<String> topics = texts("#topics tbody tr td:first-child");
        assertThat(topics)
                .containsExactlyElementsOf(
                        catalog.topics().stream().map(Topic::name).toList());
        assertThat(texts("#events tbody tr td:first-child"))
                .hasSize(catalog.events().size());
        screenshot("overview.png");
        ((JavascriptExecutor) browser).executeScript("document.querySelector('.map').scrollIntoView()");
        screenshot("overview-map.png");
    }

    @Test
    void searchingAFieldNameNarrowsTheList() {
        open("index.html");
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys("middlename");
        assertThat(visibleTexts("#topics tbody tr td:first-child")).containsExactly("tickets");
        assertThat(visibleTexts("#events tbody tr td:first-child")).containsExactly("ticket_opened");
        assertThat(browser.findElement(By.cssSelector("[data-count-of=topics]")).getText())
                .isEqualTo("1");
        search.clear();
        search.sendKeys("PRIORITY");
        assertThat(visibleTexts("#topics tbody tr td:first-child")).containsExactly("task-events", "task-updates");
        search.clear();
        search.sendKeys(" ");
        search.clear();
        ((JavascriptExecutor) browser)
                .executeScript(
                        "var s=document.getElementById('search'); s.value=''; s.dispatchEvent(new Event('input'));");
        assertThat(visibleTexts("#topics tbody tr td:first-child"))
                .hasSize(catalog.topics().size());
    }

    @Test
    void ticketOpenedPageShowsEachFieldWithItsType() throws Exception {
        open("event-com.example.repairshop.TicketOpened.html");
        Map<String, String> types = new HashMap<>();
        for (WebElement row : browser.findElements(By.cssSelector("table.fields tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            types.put(cells.get(0).getText(), cells.get(1).getText());
        }
        assertThat(types)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "occurred_on", "long (timestamp-millis)",
                        "ticket_id", "string (uuid)",
                        "requester", "record Requester",
                        "requester.email", "string",
                        "requester.name", "string",
                        "requester.middlename", "null | string",
                        "requester.surname", "string",
                        "requester.age", "int",
                        "repair_type", "enum RepairType"));
        screenshot("event-ticket_opened.png");
    }

    /** Every page reachable from the overview: links resolve, no console errors, basic accessibility. */
    @Test
    void everyLinkResolvesWithoutConsoleErrorsAndPagesAreAccessible() {
        Deque<String> queue = new ArrayDeque<>(List.of("index.html"));
        Set<String> seen = new LinkedHashSet<>(queue);
        Map<String, Set<String>> ids = new HashMap<>();
        List<String[]> fragments = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        while (!queue.isEmpty()) {
            String page = queue.poll();
            open(page);
            ids.put(
                    page,
                    new LinkedHashSet<>(
                            strings("return Array.from(document.querySelectorAll('[id]')).map(e => e.id)")));
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                    problems.add(page + ": console " + entry.getLevel() + ": " + entry.getMessage());
                }
            }
            problems.addAll(accessibility(page));
            for (String href : strings(
                    "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")) {
                URI uri = URI.create(href);
                if (uri.getScheme() != null) {
                    problems.add(page + ": link " + href + " leaves the site");
                    continue;
                }
                String target = uri.getPath() == null || uri.getPath().isEmpty() ? page : uri.getPath();
                if (!Files.isRegularFile(site.resolve(target))) {
                    problems.add(page + ": link " + href + " leads to a missing file");
                    continue;
                }
                if (uri.getFragment() != null) {
                    fragments.add(new String[] {page, target, uri.getFragment()});
                }
                if (target.endsWith(".html") && seen.add(target)) {
                    queue.add(target);
                }
            }
        }
        for (String[] link : fragments) {
            if (!ids.get(link[1]).contains(link[2])) {
                problems.add(link[0] + ": link " + link[1] + "#" + link[2] + " leads to a missing anchor");
            }
        }
        assertThat(seen).hasSize(1 + catalog.topics().size() + catalog.events().size());
        assertThat(problems).isEmpty();
    }

    /** The console check above would pass on a browser that reports nothing: this one must report. */
    @Test
    void consoleErrorsAndBlockedScriptsAreSeen() throws Exception {
        Path probe = Files.createTempFile(SCREENSHOTS, "probe", ".html");
        Files.writeString(
                probe,
                "<!DOCTYPE html><html lang=\"en\"><head><meta http-equiv=\"Content-Security-Policy\""
                        + " content=\"script-src 'none'\"><title>probe</title></head><body><h1>probe</h1>"
                        + "<script>console.error('not allowed')</script></body></html>");
        try {
            browser.get(probe.toUri().toString());
            List<String> messages = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(LogEntry::getMessage)
                    .toList();
            assertThat(messages).anySatisfy(m -> assertThat(m).contains("Content Security Policy"));
        } finally {
            Files.delete(probe);
        }
    }

    private static List<String> accessibility(String page) {
        List<String> problems = new ArrayList<>();
        List<String> headings =
                strings("return Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map(h => h.tagName)");
        int previous = 0;
        for (String heading : headings) {
            int level = heading.charAt(1) - '0';
            if (level > previous + 1 || (previous == 0 && level != 1) || (level == 1 && previous != 0)) {
                problems.add(page + ": heading " + heading + " after level " + previous + " (" + headings + ")");
            }
            previous = level;
        }
        Number tablesWithoutHeaders = (Number)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return Array.from(document.querySelectorAll('table')).filter(t => !t.querySelector('th')).length");
        if (tablesWithoutHeaders.intValue() > 0) {
            problems.add(page + ": " + tablesWithoutHeaders + " table(s) without header cells");
        }
        Number unnamedSvgs = (Number) ((JavascriptExecutor) browser)
                .executeScript(
                        "return Array.from(document.querySelectorAll('svg')).filter(s => !s.querySelector('title')"
                                + " || !s.getAttribute('aria-labelledby') || s.getAttribute('role') !== 'img').length");
        if (unnamedSvgs.intValue() > 0) {
            problems.add(page + ": " + unnamedSvgs + " SVG(s) without role=img, title and aria-labelledby");
        }
        Number unlabelledInputs = (Number)
                ((JavascriptExecutor) browser)
                        .executeScript(
                                "return Array.from(document.querySelectorAll('input')).filter(i => !i.labels || i.labels.length === 0).length");
        if (unlabelledInputs.intValue() > 0) {
            problems.add(page + ": " + unlabelledInputs + " input(s) without a label");
        }
        if (!"en".equals(((JavascriptExecutor) browser).executeScript("return document.documentElement.lang"))) {
            problems.add(page + ": no lang on <html>");
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String script) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(script);
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static List<String> visibleTexts(String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .toList();
    }

    private static void screenshot(String name) throws Exception {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
