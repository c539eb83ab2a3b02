package dev.muster.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin console in a real headless Chromium against the built WAR on Payara Micro, with a real {@code muster}
 * worker process: submit from the form and watch the log arrive live, cancel a running job from its page, filter
 * the jobs table, drain a worker and see it take no more work. Saves the README's screenshots to docs/images.
 * Waits are generous and nothing is timed: the machine may be busy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT extends OnRealServer {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String POOL = "console";
    private static final String WORKER_NAME = "console-it-worker";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("muster.it.screenshots", "target/screenshots"));

    private static Chromium chromium;
    private static Process worker;
    private static Path workerLog;

    WebDriver browser;
    String console;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        try {
            if (worker != null) {
                worker.destroy();
                worker.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                worker.destroyForcibly();
            }
        } finally {
            chromium.close();
        }
    }

    @BeforeEach
    void openTheConsole() throws IOException {
        String root = "http://127.0.0.1:" + base.getPort() + base.getPath().replaceAll("/$", "");
        console = root + "/console/";
        browser = chromium.driver();
        if (worker == null) {
            worker = startWorker(root);
            signIn();
        }
    }

    /** The console's login form, as the first admin (the session cookie then lasts for the whole class). */
    private void signIn() {
        browser.get(console);
        eventually(() -> browser.getCurrentUrl().contains("/login.html"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(Credentials.ADMIN_PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        eventually(() -> browser.getCurrentUrl().startsWith(console));
    }

    /** The real worker jar, as a user starts it, taking work from the console's pool. */
    private static Process startWorker(String server) throws IOException {
        workerLog = Files.createTempFile("console-it-worker-", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("muster.it.workerJar"), "worker", "--server", server, "--pool", POOL,
                "--slots", "2", "--name", WORKER_NAME);
        builder.environment().put("MUSTER_ENROLMENT_TOKEN", Credentials.ENROLMENT_TOKEN);
        return builder.redirectErrorStream(true).redirectOutput(workerLog.toFile()).start();
    }

    @Test
    @Order(1)
    void aJobSubmittedFromTheFormShowsItsLogLiveAndIsCancelledFromItsPage() {
        browser.get(console + "submit.xhtml");
        String marker = "live-" + UUID.randomUUID().toString().substring(0, 8);
        WebElement command = browser.findElement(By.id("submit:command"));
        command.sendKeys("echo " + marker + "-first; printf '\\033[32mgreen\\033[0m\\n'; echo oops >&2; "
                + "sleep 4; echo " + marker + "-second; sleep 600");
        WebElement pool = browser.findElement(By.id("submit:pool"));
        pool.clear();
        pool.sendKeys(POOL);
        browser.findElement(By.id("submit:go")).click();

        eventually(() -> browser.getCurrentUrl().contains("job.xhtml?id="));
        String jobId = browser.getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
        ((JavascriptExecutor) browser).executeScript("window.musterSamePage = true;");

        eventually(() -> logText().contains(marker + "-first"));
        assertThat(jobState(jobId)).as("the first line is shown while the job runs").isEqualTo("RUNNING");
        eventually(() -> logText().contains(marker + "-second"));
        assertThat(jobState(jobId)).isEqualTo("RUNNING");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.musterSamePage === true;"))
                .as("the lines arrived without reloading the page").isEqualTo(true);
        assertThat(browser.findElement(By.cssSelector("#log .ansi-fg-2")).getText()).isEqualTo("green");
        assertThat(logText()).doesNotContain("\u001B").doesNotContain("[32m");
        assertThat(browser.findElement(By.cssSelector("#log .log-stderr")).getText()).contains("oops");
        assertThat(browser.findElement(By.id("log-download")).getAttribute("href")).endsWith("/api/v1/jobs/" + jobId + "/log");
        chromium.screenshot(SCREENSHOTS.resolve("console-job.png"));

        browser.findElement(By.id("job:cancel")).click();
        eventually(() -> "CANCELLED".equals(jobState(jobId)));
        eventually(() -> browser.findElement(By.id("job-state")).getText().equals("CANCELLED"));
    }

    @Test
    @Order(2)
    void theJobsTableFiltersByCommandTextAndPool() {
        String marker = "filter-" + UUID.randomUUID().toString().substring(0, 8);
        String idlePool = "console-idle";
        for (int i = 0; i < 3; i++) {
            submit("echo " + marker + "-" + i, idlePool);
        }
        submit("echo unrelated", idlePool);
        submit("echo " + marker + "-elsewhere", "console-other");

        browser.get(console + "jobs.xhtml");
        eventually(() -> !jobRows().isEmpty());
        chromium.screenshot(SCREENSHOTS.resolve("console-jobs.png"));

        browser.findElement(By.id("jobs:text")).sendKeys(marker);
        browser.findElement(By.id("jobs:pool")).sendKeys(idlePool);
        browser.findElement(By.id("jobs:filter")).click();
        eventually(() -> jobRows().size() == 3);
        assertThat(jobRows()).allSatisfy(row -> assertThat(row).contains(marker).contains(idlePool));
    }

    @Test
    @Order(3)
    void aDrainedWorkerTakesNoMoreWorkUntilResumed() {
        String warmUp = submit("echo warm-up", POOL);
        eventually(() -> jobState(warmUp).equals("SUCCEEDED"));
        browser.get(console + "workers.xhtml");
        eventually(() -> workerState().equals("IDLE"));

        eventually(() -> click(workerRow().findElement(By.cssSelector("button.drain"))));
        eventually(() -> workerState().equals("DRAINING"));
        String waiting = submit("echo after-drain", POOL);
        await().during(Duration.ofSeconds(8)).atMost(PATIENCE)
                .until(() -> jobState(waiting).equals("QUEUED"));
        chromium.screenshot(SCREENSHOTS.resolve("console-workers.png"));

        eventually(() -> click(workerRow().findElement(By.cssSelector("button.resume"))));
        eventually(() -> jobState(waiting).equals("SUCCEEDED"));
        eventually(() -> !workerState().equals("DRAINING"));
    }

    @Test
    @Order(4)
    void theDashboardShowsJobsByStateAndEveryPageIsOnTheNavigationBar() {
        browser.get(console);
        eventually(() -> browser.getPageSource().contains("Throughput, last hour"));
        eventually(() -> !browser.findElements(By.cssSelector("canvas")).isEmpty());
        assertThat(browser.findElement(By.id("dashboard:queues")).getText()).contains("console-idle");
        chromium.screenshot(SCREENSHOTS.resolve("console-dashboard.png"));

        for (Map.Entry<String, String> link : Map.of("nav-jobs", "Jobs", "nav-workers", "Workers",
                "nav-submit", "Submit a job", "nav-dashboard", "Dashboard").entrySet()) {
            browser.findElement(By.id(link.getKey())).click();
            eventually(() -> browser.findElement(By.tagName("h1")).getText().equals(link.getValue()));
        }
        browser.get(console + "job.xhtml?id=no-such-job");
        eventually(() -> browser.getPageSource().contains("There is no such job"));
    }

    private String submit(String command, String pool) {
        Api.Reply reply = api.post("/api/v1/jobs", "{\"command\":\"" + command + "\",\"pool\":\"" + pool + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }

    private String jobState(String jobId) {
        return api.get("/api/v1/jobs/" + jobId).json().getString("state");
    }

    private String logText() {
        return browser.findElement(By.id("log")).getText();
    }

    private List<String> jobRows() {
        return browser.findElements(By.cssSelector("#jobs\\:table tbody tr.job-row")).stream()
                .map(WebElement::getText).toList();
    }

    private WebElement workerRow() {
        return browser.findElements(By.cssSelector("tr.worker-row")).stream()
                .filter(row -> row.findElement(By.cssSelector(".worker-name")).getText().equals(WORKER_NAME))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + WORKER_NAME + "; worker log: " + workerLog));
    }

    private String workerState() {
        return workerRow().findElement(By.cssSelector(".worker-state")).getText();
    }

    /** For {@link #eventually}: the board re-renders every few seconds, so a click may need another try. */
    private static boolean click(WebElement element) {
        element.click();
        return true;
    }

    /** Waits for a condition of the page or the API, ignoring the stale elements an Ajax update leaves behind. */
    private static void eventually(Callable<Boolean> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(condition);
    }
}
