package org.overparam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: Debian's chromium, headless, driven by Selenium through
 * /usr/bin/chromedriver (nothing is downloaded). A container serves the dashboard on a free loopback
 * port; a run trains in another process beside it. On the run's page the loss curve gains points
 * while the run goes on; Swap with {@code optimizer.lr=0.001} is recorded in provenance.json shown on
 * the page (a bad change is refused inline, with the swap command's line); Stop ends the run
 * STOPPED; Resume continues it in the dashboard's process (RUNNING, more steps), where it finishes
 * CONVERGED (a second swap, to {@code optimizer.lr=0.05}, brings it to its target loss in a few
 * thousand steps; at the learning rates before, about 10^5 steps more, minutes on a loaded machine).
 * The Runs page, opened before the run started, shows it appear and its chip turn from RUNNING to
 * STOPPED to CONVERGED without a reload. On the Container page, uploading a plugin jar makes its
 * component appear. The dashboard's process serves the run store from the start to the end of the
 * tests (H2's lock file names the same owner): runs and sweeps in other processes go through it, and
 * no handover happens while they write. A screenshot of each page goes to target/screenshots. The
 * browser tests are skipped, saying so, only when /usr/bin/chromedriver is absent; the security
 * tests ({@link DashboardSecurity}) run in any case.
 */
class DashboardIT {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String SPEC = String.join("\n",
            "name: %s",
            "seed: 3",
            "dataset: {name: sphere, n: 32, d: 8, target: teacher}",
            "architecture: {name: fc, depth: 2, width: 128}",
            "initializer: ntk",
            "loss: squared",
            "optimizer: {name: gd, lr: 0.0005}",
            "stop: {maxSteps: 1000000, targetLoss: 1e-10}",
            "");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;
    private static Dashboard dashboard;
    private static WebDriver browser;
    private static DashboardSecurity security;
    /** The id H2's lock file gives the process serving the store: the dashboard's, from {@link #start} on. */
    private static String storeOwner;

    @BeforeAll
    static void start() throws Exception {
        dashboard = Dashboard.start(work);
        // The first run creates the runs folder's store and serves it (H2 AUTO_SERVER) while the
        // dashboard reads through it; once its process has ended, the dashboard's process takes the
        // file over and keeps it, serving the later runs' processes. The handover itself is tested in
        // the store bundle (HandoverTest).
        security().finishedRun();
        assertEquals(200, dashboard.get("/api/runs").statusCode());
        storeOwner = storeOwner();
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            options.setBinary("/usr/bin/chromium");
        }
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogOutput(java.io.OutputStream.nullOutputStream()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
    }

    private static void needsBrowser() {
        Assumptions.assumeTrue(browser != null, "browser test skipped: " + CHROMEDRIVER
                + " is absent (apt-get install -y chromium chromium-driver)");
    }

    @Test
    void stateChangingRequestsAreRefusedWithoutPostAndTheCsrfToken() throws Exception {
        security().stateChangingRequestsNeedPostAndTheCsrfToken();
    }

    @Test
    void namesInUrlsCannotReachOutsideTheRunsFolder() throws Exception {
        security().namesInUrlsStayInsideTheRunsFolder();
    }

    private static synchronized DashboardSecurity security() throws Exception {
        if (security == null) {
            security = new DashboardSecurity(dashboard);
        }
        return security;
    }

    @Test
    void theRunPageShowsTheCurveGrowSwapsTheLearningRateAndStopsTheRun() throws Exception {
        needsBrowser();
        browser.get(dashboard.url("/runs"));
        WebElement runsTitle = browser.findElement(By.tagName("h1"));
        String runsTab = browser.getWindowHandle();
        String id = dashboard.run("dashrun", SPEC.formatted("dashrun"));
        By row = By.xpath("//table[@class='runs']//tr[td/a[@href='/run/" + id + "']]//span[contains(@class,'chip')]");
        until(() -> browser.findElements(row).stream().filter(c -> c.getText().equals("RUNNING")).findFirst()
                .orElse(null));
        assertTrue(runsTitle.isDisplayed(), "the run appeared on the Runs page without a reload");
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        String runTab = browser.getWindowHandle();
        browser.get(dashboard.url("/run/" + id));
        By loss = By.cssSelector(".chart[data-metric='train.loss']");
        int first = until(() -> points(loss) > 0 ? points(loss) : null);
        int later = until(() -> points(loss) > first ? points(loss) : null);
        assertTrue(later > first, "the curve gained points: " + first + " then " + later);
        assertEquals("true", browser.findElement(loss).getAttribute("data-log"), "the loss is on a log scale");
        shot("run");

        swap("optimizer.lrr=0.05");
        String error = until(() -> text("action-error").isEmpty() ? null : text("action-error"));
        assertEquals("optimizer.lrr: unknown parameter 'lrr' of optimizer gd (did you mean 'lr'?); its parameters: [lr]",
                error);
        swap("optimizer.lr=0.001");
        until(() -> text("action-message").startsWith("asked run " + id + " to swap optimizer {lr=0.001}") ? true : null);
        String provenance = until(() -> text("provenance").contains("\"why\": \"request\"") ? text("provenance") : null);
        assertTrue(provenance.contains("\"config\": \"{lr=5.0E-4}\""), provenance);
        assertTrue(provenance.contains("{lr=0.001}"), provenance);
        shot("run-swapped");

        browser.findElement(By.id("stop")).click();
        until(() -> text("status").equals("STOPPED") ? true : null);
        shot("run-stopped");
        assertEquals(1, dashboard.awaitEnd(id), "a stopped run's process exits with 1");

        browser.switchTo().window(runsTab);
        until(() -> browser.findElement(row).getText().equals("STOPPED") ? true : null);
        assertTrue(runsTitle.isDisplayed(), "the chip changed on the Runs page without a reload");
        shot("runs");

        browser.switchTo().window(runTab);
        long stopped = Long.parseLong(text("steps"));
        browser.findElement(By.id("resume")).click();
        until(() -> text("action-message").startsWith("run " + id + " resumed") ? true : null);
        until(() -> text("status").equals("RUNNING") && Long.parseLong(text("steps")) > stopped ? true : null);
        shot("run-resumed");
        swap("optimizer.lr=0.05");
        until(() -> text("action-message").startsWith("asked run " + id + " to swap optimizer {lr=0.05}") ? true : null);
        until(() -> text("status").equals("CONVERGED") ? true : null);
        long finished = Long.parseLong(text("steps"));
        assertTrue(finished > stopped, "the resumed run went on from step " + stopped + " to " + finished);
        shot("run-finished");
        browser.close();
        browser.switchTo().window(runsTab);
        until(() -> browser.findElement(row).getText().equals("CONVERGED") ? true : null);
        assertTrue(runsTitle.isDisplayed(), "the chip changed again without a reload");
        assertEquals(storeOwner, storeOwner(), "the dashboard's process served the store throughout");
    }

    @Test
    void uploadingAPluginJarOnTheContainerPageMakesItsComponentsAppear() throws Exception {
        needsBrowser();
        browser.get(dashboard.url("/container"));
        By projected = By.xpath("//div[@id='components']//td[text()='projected-gd']");
        assertTrue(browser.findElements(projected).isEmpty(), "projected-gd is not installed before the upload");
        Path jar = Files.copy(Dashboard.heldBack(), work.resolve(Dashboard.HELD_BACK), StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("upload-file")).sendKeys(jar.toString());
        browser.findElement(By.id("upload")).click();
        until(() -> text("action-message").startsWith("installed " + Dashboard.HELD_BACK) ? true : null);
        String report = text("verify-report");
        assertTrue(report.endsWith(Dashboard.HELD_BACK + ": passed"), report);
        assertTrue(Files.isRegularFile(dashboard.plugins().resolve(Dashboard.HELD_BACK)));
        // the checks install the jar for a moment too, so the components alone do not tell: wait for both
        until(() -> browser.findElement(By.id("plugins")).getText().contains(Dashboard.HELD_BACK)
                && !browser.findElements(projected).isEmpty() ? true : null);
        shot("container");
    }

    @Test
    void theSweepPageShowsTheFinalLossAgainstWidthAndComparesTwoOfItsRuns() throws Exception {
        needsBrowser();
        Path spec = Files.writeString(work.resolve("dashsweep.yaml"), String.join("\n",
                "name: dashsweep", "seed: 1", "dataset: {name: sphere, n: 16, d: 4, target: teacher}",
                "architecture: {name: fc, depth: 1, width: 16}", "initializer: ntk", "loss: squared",
                "optimizer: {name: gd, lr: 0.2}", "stop: {maxSteps: 100}",
                "sweep:", "  architecture.width: [16, 64]", "  seeds: 2", ""));
        Process sweep = dashboard.launch("dashsweep", "sweep", spec.toString(), "--runs", dashboard.runs().toString(),
                "--parallel", "1");
        assertTrue(sweep.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the sweep ended");
        assertEquals(0, sweep.exitValue());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\".*?\"sweep\":\"([^\"]+)\"")
                .matcher(dashboard.get("/api/runs?q=name%3Ddashsweep&sort=created").body());
        assertTrue(m.find());
        String first = m.group(1);
        String id = m.group(2);
        browser.get(dashboard.url("/sweep/" + id));
        until(() -> text("progress").startsWith("4 of 4 runs finished") ? true : null);
        assertEquals(2, browser.findElements(By.cssSelector("#groups tbody tr")).size(), "two widths");
        until(() -> browser.findElements(By.cssSelector(".chart[data-metric='train.loss'] canvas")).isEmpty() ? null
                : true);
        shot("sweep");
        assertTrue(m.find());
        browser.get(dashboard.url("/compare?run=" + first + "&run=" + m.group(1)));
        until(() -> browser.findElements(By.cssSelector(".chart[data-metric='train.loss']")).isEmpty() ? null : true);
        assertEquals("" + (2 + 1), browser.findElement(By.cssSelector(".chart[data-metric='train.loss']"))
                .getAttribute("data-series"), "step and one line per run");
        shot("compare");
        assertEquals(storeOwner, storeOwner(), "the sweep's runs went through the dashboard's process");
    }

    /** @return the id of the process that has the store's file open, from H2's lock file (which must exist) */
    private static String storeOwner() throws java.io.IOException {
        Path lock = dashboard.runs().resolve("overparam-store.lock.db");
        assertTrue(Files.isRegularFile(lock), "no process has the run store open: " + lock + " is missing");
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(lock, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            p.load(r);
        }
        return p.getProperty("id");
    }

    private static int points(By chart) {
        List<WebElement> found = browser.findElements(chart);
        return found.isEmpty() ? 0 : Integer.parseInt(found.get(0).getAttribute("data-points"));
    }

    private static void swap(String changes) {
        WebElement field = browser.findElement(By.id("swap-changes"));
        field.clear();
        field.sendKeys(changes);
        browser.findElement(By.id("swap")).click();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private static <T> T until(java.util.function.Supplier<T> value) throws Exception {
        try {
            return new WebDriverWait(browser, WAIT, Duration.ofMillis(200)).until(d -> value.get());
        } catch (org.openqa.selenium.TimeoutException e) {
            shot("failed");
            throw new AssertionError("waited " + WAIT.toSeconds() + " s on " + browser.getCurrentUrl() + " showing: "
                    + browser.findElement(By.tagName("main")).getText(), e);
        }
    }

    private static void shot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
