package dev.muster.bench;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Worker tabs in Debian's headless chromium, driven by its chromedriver (offline: Selenium is given both paths).
 * Each tab is a browser worker page; all tabs of one instance share one browser, as tabs on one PC do.
 */
final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;
    private final List<String> tabs = new ArrayList<>();

    HeadlessChromium() throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("muster-bench-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(System.getProperty("muster.bench.chromium", "/usr/bin/chromium"))
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
                        "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("muster.bench.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Opens a worker page in a new tab; it starts taking jobs at once when {@code start}. */
    void openWorker(String base, String pool, int slots, boolean start) {
        if (!tabs.isEmpty()) {
            driver.switchTo().newWindow(WindowType.TAB);
        }
        driver.get(base + "/worker/?pool=" + pool + "&slots=" + slots + "&name=" + pool + "-" + tabs.size() + (start ? "&start" : "")
                + "&enrol=" + BenchCredentials.ENROLMENT_TOKEN);
        tabs.add(driver.getWindowHandle());
    }

    /** Presses Start in every tab. */
    void startAll() {
        WebDriver.TargetLocator target = driver.switchTo();
        for (String tab : tabs) {
            target.window(tab);
            driver.findElement(By.id("toggle")).click();
        }
    }

    /** Closes every tab; each deregisters as it goes. */
    void closeAll() {
        for (String tab : tabs) {
            driver.switchTo().window(tab);
            driver.close();
        }
        tabs.clear();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
