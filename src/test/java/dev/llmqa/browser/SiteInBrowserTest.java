package dev.llmqa.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmqa.ProjectSite;
import dev.llmqa.serve.DevServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The project's site in headless Chromium (Debian's chromium and chromedriver at /usr/bin), served on
 * 127.0.0.1: pages load cleanly, search, the theme toggle, math and diagrams, accessibility (axe-core), and
 * screenshots under target/screenshots/ to look at.
 */
@Tag("integration")
class SiteInBrowserTest {

    private static Path site;
    private static DevServer server;
    private static ChromeDriver browser;

    @BeforeAll
    static void buildServeAndOpen() throws Exception {
        // the site builds while chromium starts
        FutureTask<Path> build = new FutureTask<>(ProjectSite::folder);
        Thread builder = new Thread(build, "project-site");
        builder.setDaemon(true);
        builder.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createTempDirectory("llmqa-chromium"), "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ByteArrayOutputStream driverLog = new ByteArrayOutputStream();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).withLogOutput(driverLog).build();
        try {
            browser = new ChromeDriver(service, options);
        } catch (WebDriverException e) {
            throw new AssertionError("chromium did not start through chromedriver: " + e.getMessage().lines().findFirst().orElse("")
                    + "\nchromedriver's last lines:\n" + lastLines(driverLog.toString(StandardCharsets.UTF_8), 15)
                    + "\nTry them by hand: /usr/bin/chromedriver --version; "
                    + "/usr/bin/chromium --headless=new --no-sandbox --dump-dom about:blank", e);
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try {
            site = build.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        server = new DevServer(site, 0);
        // no page is opened first: a site that named no icon got chromium asking for /favicon.ico beside whichever
        // page came first, a 404 in that page's console and its bytes in that page's weight
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.strip().lines().toList();
        String last = String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        return last.isEmpty() ? "(none)" : last;
    }

    private static void open(String page) {
        browser.get(server.url() + page);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Stores the theme (null: none) for the pages loaded next. localStorage is the origin's, so the page it is set on
     * is any of the site's (the browser is on one from the start).
     */
    private static void storeTheme(String theme) {
        if (theme == null) {
            ((JavascriptExecutor) browser).executeScript("localStorage.removeItem('llmqa-theme')");
        } else {
            ((JavascriptExecutor) browser).executeScript("localStorage.setItem('llmqa-theme', arguments[0])", theme);
        }
    }

    /** What a page showed when it was loaded, for the tests that only read it. */
    private record Visit(List<String> severe, String mainText, List<Dimension> diagrams, List<Map<String, Object>> entries) {
    }

    private static final Map<String, Visit> VISITS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The page loaded once (with no theme stored, as a first visit has), and what it showed: its console's severe
     * entries, the text of its main element without code and KaTeX's MathML, its diagrams' sizes, and the size of
     * each file it loaded. The tests that only read a page share this one load (31 fewer page loads in all: chromium
     * took 23.8 s of CPU instead of 34.5).
     */
    private static Visit visit(String page) {
        return VISITS.computeIfAbsent(page, p -> {
            storeTheme(null);
            browser.manage().logs().get(LogType.BROWSER); // drop earlier entries
            open(p);
            List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
            String text = (String) ((JavascriptExecutor) browser).executeScript(
                    "var main = document.querySelector('main');"
                            + "if (!main) return null;"
                            + "main = main.cloneNode(true);"
                            + "main.querySelectorAll('pre, code, .katex-mathml').forEach(function (e) { e.remove(); });"
                            + "return main.innerText;");
            List<Dimension> diagrams = browser.findElements(By.cssSelector("figure.diagram svg")).stream()
                    .map(svg -> svg.getRect().getDimension()).toList();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                    "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                            + ".map(function (e) { return {name: e.name, size: e.encodedBodySize}; });");
            return new Visit(severe, text, diagrams, entries);
        });
    }

    private static List<String> pages() throws Exception {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.toString().endsWith(".html")).map(f -> site.relativize(f).toString()).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_page_loads_with_no_console_error_or_failed_request() throws Exception {
        return pages().stream().map(page -> DynamicTest.dynamicTest(page, () -> assertThat(visit(page).severe()).as(page).isEmpty()));
    }

    @Test
    void searching_paged_attention_finds_the_inference_page() {
        open("questions/01-scaling-laws.html");
        browser.findElement(By.tagName("body")).sendKeys("/");
        WebElement input = browser.switchTo().activeElement();
        assertThat(input.getAttribute("id")).isEqualTo("search");
        input.sendKeys("PagedAttention");
        WebElement first = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElements(By.cssSelector(".search-results.open a")).stream().findFirst().orElse(null));
        assertThat(first.getAttribute("href")).contains("questions/10-inference-optimization.html");
        assertThat(first.getText()).contains("inference optimization");
        input.sendKeys(Keys.ESCAPE);
    }

    @Test
    void the_theme_toggle_switches_and_is_remembered_on_the_next_page() {
        storeTheme(null);
        open("index.html");
        String before = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()");
        browser.findElement(By.cssSelector(".theme-toggle")).click();
        String chosen = (String) ((JavascriptExecutor) browser).executeScript("return document.documentElement.dataset.theme");
        String after = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()");
        assertThat(after).isNotEqualTo(before);
        open("questions/08-kv-cache.html");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.dataset.theme")).isEqualTo(chosen);
        ((JavascriptExecutor) browser).executeScript("localStorage.removeItem('llmqa-theme')");
    }

    @TestFactory
    Stream<DynamicTest> math_is_typeset_and_every_diagram_is_visible() throws Exception {
        return pages().stream().filter(p -> p.startsWith("questions/")).map(page -> DynamicTest.dynamicTest(page, () -> {
            Visit visit = visit(page);
            assertThat(visit.mainText()).as(page).isNotNull().doesNotContain("$$");
            List<Dimension> diagrams = visit.diagrams();
            assertThat(diagrams).as(page).isNotEmpty();
            for (Dimension svg : diagrams) {
                assertThat(svg.getWidth()).as(page + " diagram width").isPositive();
                assertThat(svg.getHeight()).as(page + " diagram height").isPositive();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> axe_finds_no_serious_or_critical_violation() throws Exception {
        Path axeScript = Path.of("tools/axe/node_modules/axe-core/axe.min.js");
        assertThat(axeScript).as("axe-core is not installed: ./mvnw verify installs it before the integration tests;"
                + " by hand: sh tools/install-test-tools.sh").isRegularFile();
        String axe = Files.readString(axeScript);
        List<String> pages = List.of("index.html", "about.html", "questions/08-kv-cache.html",
                "questions/01-scaling-laws.html", "tags/index.html");
        return Stream.of("light", "dark").flatMap(theme -> pages.stream().map(page -> DynamicTest.dynamicTest(theme + ": " + page, () -> {
            storeTheme(theme);
            open(page);
            assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.dataset.theme")).isEqualTo(theme);
            ((JavascriptExecutor) browser).executeScript(axe);
            Object answer = ((JavascriptExecutor) browser).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                            + "  done(r.violations.map(function (v) { return {id: v.id, impact: v.impact, nodes: v.nodes.length,"
                            + "    first: v.nodes[0] ? v.nodes[0].target.join(' ') : ''}; }));"
                            + "}, function (e) { done('axe.run failed: ' + e + (e && e.stack ? '\\n' + e.stack : '')); });");
            assertThat(answer).as("axe-core on %s: %s%nTo see it in chromium, open the page with ./llmqa serve and run"
                    + " tools/axe/node_modules/axe-core/axe.min.js, then axe.run(), in the devtools console", page, answer)
                    .isInstanceOf(List.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> violations = (List<Map<String, Object>>) answer;
            ((JavascriptExecutor) browser).executeScript("localStorage.removeItem('llmqa-theme')");
            assertThat(violations).as(theme + ": " + page)
                    .filteredOn(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).isEmpty();
        })));
    }

    @Test
    void every_question_page_weighs_at_most_500_kb_without_fonts() throws Exception {
        StringBuilder report = new StringBuilder("page\tbytes without fonts (HTML, CSS, JS, images)\tfonts\n");
        for (String page : pages().stream().filter(p -> p.startsWith("questions/")).toList()) {
            List<Map<String, Object>> entries = visit(page).entries();
            long fonts = 0;
            long rest = 0;
            for (Map<String, Object> entry : entries) {
                long size = ((Number) entry.get("size")).longValue();
                if (String.valueOf(entry.get("name")).endsWith(".woff2")) {
                    fonts += size;
                } else {
                    rest += size;
                }
            }
            report.append(page).append('\t').append(rest).append('\t').append(fonts).append('\n');
            assertThat(rest).as(page + " weighs (fonts excluded)").isLessThanOrEqualTo(500 * 1024);
        }
        Files.writeString(Path.of("target/page-weights.tsv"), report);
    }

    @TestFactory
    Stream<DynamicTest> screenshots_of_home_and_a_question_at_1280_and_375() {
        return Stream.of(1280, 375, 360).flatMap(width -> Stream.of("index.html", "questions/08-kv-cache.html")
                .map(page -> DynamicTest.dynamicTest(page + " at " + width, () -> {
                    browser.manage().window().setSize(new Dimension(width, 900));
                    open(page);
                    Path shot = Path.of("target/screenshots", page.replace('/', '-').replace(".html", "") + "-" + width + ".png");
                    Files.createDirectories(shot.getParent());
                    Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                    Number scroll = (Number) ((JavascriptExecutor) browser).executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    assertThat(scroll.intValue()).as(page + " at " + width + " px scrolls sideways").isLessThanOrEqualTo(0);
                    browser.manage().window().setSize(new Dimension(1280, 900));
                })));
    }
}
