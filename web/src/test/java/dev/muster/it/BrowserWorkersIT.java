package dev.muster.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Browser workers end to end: a real headless Chromium opens three worker tabs ({@code /worker}) against the built
 * WAR on Payara Micro, and js jobs go through the same protocol as the Java worker's. One class, one server boot and
 * one browser for all tests; the tab-closing test runs last. Awaits are generous and nothing is timed: the machine
 * is shared.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserWorkersIT extends OnRealServer {

    private static final String POOL = "browser-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Duration LONG = Duration.ofMinutes(4);
    private static Chromium chromium;
    private static final List<String> tabs = new ArrayList<>();

    @BeforeEach
    void openThreeWorkerTabs() {
        if (chromium != null) {
            return;
        }
        chromium = Chromium.start();
        WebDriver driver = chromium.driver();
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                driver.switchTo().newWindow(WindowType.TAB);
            }
            driver.get(api.url("/worker?pool=" + POOL + "&slots=2&name=tab-" + i + "&start&enrol=" + Credentials.ENROLMENT_TOKEN));
            tabs.add(driver.getWindowHandle());
        }
        await().atMost(LONG).untilAsserted(() -> assertThat(browserWorkersOf(POOL)).isEqualTo(3));
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void thePageIsServedWithAContentSecurityPolicyThatLetsItRun() {
        Api.Reply page = api.get("/worker/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().get("content-security-policy")).singleElement().asString()
                .contains("worker-src 'self' blob:").contains("connect-src 'self'");
        WebDriver driver = chromium.driver();
        driver.switchTo().window(tabs.get(0));
        assertThat(driver.findElement(By.id("worker-pool")).getText()).isEqualTo(POOL);
        assertThat(driver.findElement(By.id("worker-id")).getText()).matches("[0-9a-f-]{36}");
        assertThat(driver.findElement(By.id("toggle")).getText()).isEqualTo("Pause");
    }

    @Test
    @Order(2)
    void aJobReturnsItsResultAndStreamsItsLog() {
        String id = submit("export default async (input, ctx) => { ctx.log('adding', input.a, 'and', input.b);"
                + " ctx.progress(0.5); return { sum: input.a + input.b }; }", "{\"a\":2,\"b\":40}", null);
        JsonObject job = awaitEnd(id);
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.getJsonObject("result")).isEqualTo(Json.createObjectBuilder().add("sum", 42).build());
        assertThat(job.get("error")).isEqualTo(JsonValue.NULL);
        assertThat(api.get("/api/v1/jobs/" + id + "/log").body()).isEqualTo("adding 2 and 40\n");
    }

    @Test
    @Order(3)
    void aJobThatThrowsFailsWithTheMessageAndStack() {
        String id = submit("export default () => { throw new Error('no such planet'); }", "{}", null);
        JsonObject job = awaitEnd(id);
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("FAILED");
        assertThat(job.getJsonObject("error").getString("message")).isEqualTo("no such planet");
        assertThat(job.getJsonObject("error").getString("stack")).contains("no such planet");
        assertThat(job.get("result")).isEqualTo(JsonValue.NULL);
        assertThat(api.get("/api/v1/jobs/" + id + "/log").body()).contains("no such planet");
    }

    @Test
    @Order(4)
    void aJobThatLoopsForeverTimesOut() {
        String id = submit("export default () => { for (;;) { } }", "{}", 2);
        JsonObject job = awaitEnd(id);
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("TIMED_OUT");
        assertThat(job.getString("reason")).isEqualTo("timeout");
    }

    @Test
    @Order(5)
    void aCancelledJobIsStoppedInItsTab() {
        String id = submit("export default () => new Promise(() => { })", "{}", null);
        await().atMost(LONG).until(() -> "RUNNING".equals(api.get("/api/v1/jobs/" + id).json().getString("state")));
        assertThat(api.post("/api/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(202);
        JsonObject job = awaitEnd(id);
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("CANCELLED");
    }

    @Test
    @Order(6)
    void statsShowBrowserWorkersPoolsAndThroughput() {
        JsonObject stats = api.get("/api/v1/stats").json();
        assertThat(stats.getJsonObject("workers").getInt("browser")).isGreaterThanOrEqualTo(3);
        assertThat(stats.getJsonObject("pools").getJsonObject(POOL).getInt("workers")).isEqualTo(3);
        assertThat(stats.getJsonObject("pools").getJsonObject(POOL).getInt("slots")).isEqualTo(6);
        assertThat(stats.getJsonObject("jobs").getInt("SUCCEEDED")).isGreaterThanOrEqualTo(1);
        assertThat(stats.getJsonObject("throughput").getInt("finished")).isGreaterThanOrEqualTo(4);
    }

    /**
     * A tab is closed while it runs jobs, and the other two finish them; then 300 jobs run across the two. To know
     * for sure which jobs the closed tab held, the others are paused until it holds two slow ones. A screenshot of
     * the page under load is kept in {@code target/screenshots}.
     */
    @Test
    @Order(7)
    void threeHundredJobsAllSucceedAcrossTabsEvenWhenOneTabCloses() {
        WebDriver driver = chromium.driver();
        toggle(tabs.get(0), "paused");
        toggle(tabs.get(1), "paused");
        driver.switchTo().window(tabs.get(2));
        String closing = driver.findElement(By.id("worker-id")).getText();
        String square = "export default async (input, ctx) => { await new Promise(r => setTimeout(r, input.ms));"
                + " ctx.log('square of', input.n); return { n: input.n, square: input.n * input.n }; }";
        Map<String, Integer> jobs = new HashMap<>();
        IntStream.range(1000, 1004).forEach(n -> jobs.put(submit(square, "{\"n\":" + n + ",\"ms\":3000}", null), n));
        await().atMost(LONG).until(() -> runningOn(closing).size() == 2);
        List<String> orphaned = runningOn(closing);
        driver.close();
        toggle(tabs.get(0), "taking jobs");
        toggle(tabs.get(1), "taking jobs");

        IntStream.range(0, 300).forEach(n -> jobs.put(submit(square, "{\"n\":" + n + ",\"ms\":100}", null), n));
        driver.switchTo().window(tabs.get(0));
        await().atMost(LONG).until(() -> Integer.parseInt(driver.findElement(By.id("running")).getText()) > 0);
        chromium.screenshot(Path.of("target", "screenshots", "browser-worker.png"));

        await().atMost(LONG).pollInterval(Duration.ofSeconds(2)).until(() -> ended(jobs.keySet()).size() == jobs.size());
        Map<String, JsonObject> ended = ended(jobs.keySet());
        ended.forEach((id, job) -> {
            assertThat(job.getString("state")).as(job.toString()).isEqualTo("SUCCEEDED");
            int n = jobs.get(id);
            assertThat(job.getJsonObject("result")).as(id)
                    .isEqualTo(Json.createObjectBuilder().add("n", n).add("square", n * n).build());
        });
        assertThat(orphaned).as("jobs running in the closed tab").isNotEmpty().allSatisfy(id -> {
            JsonObject job = ended.get(id);
            assertThat(job.getString("workerId")).as(job.toString()).isNotEqualTo(closing);
            assertThat(job.getInt("attempts")).isGreaterThanOrEqualTo(2);
        });
    }

    /** Clicks Start/Pause in a tab and waits until the tab says it is in {@code status}. */
    private static void toggle(String tab, String status) {
        WebDriver driver = chromium.driver();
        driver.switchTo().window(tab);
        driver.findElement(By.id("toggle")).click();
        await().atMost(LONG).until(() -> driver.findElement(By.id("worker-status")).getText().equals(status));
    }

    private String submit(String script, String input, Integer timeoutSeconds) {
        JsonObject body = Json.createObjectBuilder()
                .add("kind", "js").add("pool", POOL).add("script", script)
                .add("input", Json.createReader(new java.io.StringReader(input)).readValue())
                .add("timeoutSeconds", timeoutSeconds == null ? JsonValue.NULL : Json.createValue(timeoutSeconds))
                .build();
        Api.Reply reply = api.post("/api/v1/jobs", body.toString());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("id");
    }

    private JsonObject awaitEnd(String id) {
        await().atMost(LONG).pollInterval(Duration.ofMillis(500)).until(() -> {
            String state = api.get("/api/v1/jobs/" + id).json().getString("state");
            return !state.equals("QUEUED") && !state.equals("RUNNING");
        });
        return api.get("/api/v1/jobs/" + id).json();
    }

    private int browserWorkersOf(String pool) {
        JsonObject pools = api.get("/api/v1/stats").json().getJsonObject("pools");
        return pools.containsKey(pool) ? pools.getJsonObject(pool).getInt("workers") : 0;
    }

    private List<String> runningOn(String workerId) {
        return api.get("/api/v1/jobs?pool=" + POOL + "&state=RUNNING&size=200").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(job -> workerId.equals(job.getString("workerId", null)))
                .map(job -> job.getString("id"))
                .toList();
    }

    /** The jobs among {@code ids} that have ended, by id, read a page at a time. */
    private Map<String, JsonObject> ended(java.util.Set<String> ids) {
        Map<String, JsonObject> ended = new HashMap<>();
        for (int page = 0; ; page++) {
            List<JsonObject> items = api.get("/api/v1/jobs?pool=" + POOL + "&size=200&page=" + page).json()
                    .getJsonArray("items").getValuesAs(JsonObject.class);
            items.stream()
                    .filter(job -> ids.contains(job.getString("id")))
                    .filter(job -> !List.of("QUEUED", "RUNNING").contains(job.getString("state")))
                    .forEach(job -> ended.put(job.getString("id"), job));
            if (items.size() < 200) {
                return ended;
            }
        }
    }
}
