package dev.sociallogin.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page, the dev provider and the cookies in a real browser: Debian's headless Chromium
 * driven by Selenium through Debian's chromedriver (never a downloaded browser or driver), against
 * the packaged jar started as a process on {@code localhost}. One service process serves most
 * scenarios; a second one, with a 3-second access token and no trusted origin, shows the silent
 * refresh and the browser blocking an untrusted origin. Screenshots of the main steps go to
 * {@code target/browser-screenshots/}.
 *
 * <p>Without {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} the class is skipped, naming
 * the missing binary; when {@code CI=true} it fails instead ({@code .ci/run} installs both).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "browser-screenshots");

    private static KakaoFake kakao;
    private static ServiceProcess service;
    private static String base;
    private static Path dataDir;
    /** A single-page app on other origins of the same site (localhost, other ports): one trusted, one not. */
    private static HttpServer trustedSpa;
    private static HttpServer untrustedSpa;
    private static WebDriver browser;
    private final List<WebDriver> extraBrowsers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        requireBinaries();
        Files.createDirectories(SCREENSHOTS);
        trustedSpa = spa();
        untrustedSpa = spa();
        kakao = new KakaoFake();
        dataDir = Files.createTempDirectory("browser-it-");
        int port = ServiceProcess.freePort();
        base = "http://localhost:" + port;
        service = ServiceProcess.start(env(port, "AUTH_CORS_ALLOWED_ORIGINS", spaOrigin(trustedSpa),
                "KAKAO_CLIENT_ID", KakaoFake.CLIENT_ID, "KAKAO_AUTH_BASE_URL", kakao.baseUrl(), "KAKAO_API_BASE_URL", kakao.baseUrl(),
                "KAKAO_REDIRECT_URI", base + "/auth/kakao/callback"));
        service.awaitHealthy(Duration.ofSeconds(60));
        browser = newBrowser();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop(Duration.ofSeconds(20));
        }
        if (kakao != null) {
            kakao.close();
        }
        for (HttpServer spa : new HttpServer[] {trustedSpa, untrustedSpa}) {
            if (spa != null) {
                spa.stop(0);
            }
        }
    }

    @AfterEach
    void closeExtraBrowsers() {
        extraBrowsers.forEach(WebDriver::quit);
        extraBrowsers.clear();
        browser.manage().deleteAllCookies();
    }

    @Test
    @Order(1)
    void devLogin_fromTheDemoPage_showsTheUser_refreshes_andLogsOutLocally() {
        // the jar warns at every start with the dev provider on
        assertThat(service.lines()).anyMatch(line -> line.contains("WARN") && line.contains("AUTH_DEV_LOGIN=true"));
        browser.get(base + "/");
        waitForText(browser, "status", "Not logged in.");
        screenshot(browser, "01-demo-page-logged-out");

        logInAsDev(browser, "alice", "Alice");
        assertThat(text(browser, "user-username")).isEqualTo("dev_alice");
        assertThat(text(browser, "user-nickname")).isEqualTo("Alice");
        assertThat(text(browser, "user-email")).isEqualTo("alice@example.test");
        screenshot(browser, "03-logged-in");

        String access = browser.manage().getCookieNamed("accessToken").getValue();
        browser.findElement(By.id("refresh")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textMatches(By.id("access-expiry"), java.util.regex.Pattern.compile("^\\d{4}-.*Z$")));
        assertThat(browser.manage().getCookieNamed("accessToken").getValue()).isNotEqualTo(access);
        waitForText(browser, "status", "Logged in as dev_alice");
        screenshot(browser, "04-refreshed");

        browser.findElement(By.id("logout-local")).click();
        waitForText(browser, "status", "Not logged in.");
        assertThat(browser.manage().getCookieNamed("accessToken")).isNull();
        assertThat(browser.manage().getCookieNamed("refreshToken")).isNull();
        screenshot(browser, "05-logged-out");
    }

    @Test
    @Order(2)
    void tokenCookies_asTheBrowserStoresThem_httpOnlyLaxNotSecure_goneAfterLogout() {
        logInAsDev(browser, "carol", "Carol");

        Object visible = ((JavascriptExecutor) browser).executeScript("return document.cookie");
        assertThat(String.valueOf(visible)).doesNotContain("accessToken", "refreshToken");
        for (String name : List.of("accessToken", "refreshToken")) {
            Cookie cookie = browser.manage().getCookieNamed(name);
            assertThat(cookie).as(name).isNotNull();
            assertThat(cookie.isHttpOnly()).as(name).isTrue();
            assertThat(cookie.getSameSite()).as(name).isEqualTo("Lax");
            assertThat(cookie.isSecure()).as(name).isFalse();
            assertThat(cookie.getPath()).as(name).isEqualTo("/");
            assertThat(cookie.getExpiry()).as(name + " is persistent (Max-Age)").isNotNull();
        }
        // the login flow's cookie was used up by the callback
        assertThat(browser.manage().getCookieNamed("oauthState")).isNull();

        browser.findElement(By.id("logout-global")).click();
        waitForText(browser, "status", "Not logged in.");
        assertThat(browser.manage().getCookieNamed("accessToken")).isNull();
        assertThat(browser.manage().getCookieNamed("refreshToken")).isNull();
    }

    @Test
    @Order(3)
    void twoBrowserProfilesOfOneUser_othersLogsOutTheOther_globalLogsOutBoth() {
        WebDriver second = newBrowser();
        extraBrowsers.add(second);
        logInAsDev(browser, "bob", "Bob");
        logInAsDev(second, "bob", "Bob on the laptop");
        assertThat(text(second, "user-id")).isEqualTo(text(browser, "user-id"));

        browser.findElement(By.id("logout-others")).click();
        waitForText(browser, "log", "POST /auth/logout?scope=others → 202");
        waitForText(browser, "status", "Logged in as dev_bob");
        second.findElement(By.id("me")).click();
        waitForText(second, "status", "Not logged in.");
        assertThat(text(second, "error")).isEqualTo("error: token_revoked");
        screenshot(second, "06-other-session-logged-out");
        // the 401 to a cookie-authenticated request deleted the dead cookies
        assertThat(second.manage().getCookieNamed("accessToken")).isNull();

        logInAsDev(second, "bob", "Bob again");
        browser.findElement(By.id("logout-global")).click();
        waitForText(browser, "status", "Not logged in.");
        second.findElement(By.id("me")).click();
        waitForText(second, "status", "Not logged in.");
        assertThat(text(second, "error")).isEqualTo("error: token_revoked");
    }

    @Test
    @Order(4)
    void crossOriginSpa_trustedOriginCallsWithCredentials_untrustedIsBlockedAndItsPostRefusedCsrf() {
        logInAsDev(browser, "dana", "Dana");
        String refresh = browser.manage().getCookieNamed("refreshToken").getValue();

        browser.get(spaOrigin(trustedSpa) + "/spa.html?api=" + base);
        String trusted = spaResult(browser);
        screenshot(browser, "07-spa-trusted-origin");
        assertThat(trusted).contains("me 200 dev_dana", "refresh 200");
        String rotated = browser.manage().getCookieNamed("refreshToken").getValue();
        assertThat(rotated).isNotEqualTo(refresh);

        browser.get(spaOrigin(untrustedSpa) + "/spa.html?api=" + base);
        String untrusted = spaResult(browser);
        screenshot(browser, "08-spa-untrusted-origin");
        // no Access-Control-Allow-Origin for it: the browser lets the page read nothing
        assertThat(untrusted).contains("me blocked TypeError", "refresh blocked TypeError");
        // the refresh reached the service with the cookie and was refused, so nothing rotated
        awaitLogLine("POST /auth/refresh 403");
        assertThat(browser.manage().getCookieNamed("refreshToken").getValue()).isEqualTo(rotated);
    }

    @Test
    @Order(5)
    void kakaoRedirectFlow_throughAStandIn_returnsToTheDemoPageLoggedIn() {
        browser.get(base + "/");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("login-kakao"))).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textMatches(By.id("status"),
                java.util.regex.Pattern.compile("Logged in as kakao_\\d+")));
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/");
        assertThat(text(browser, "user-nickname")).isEqualTo("브라우저 🌐");
        assertThat(browser.manage().getCookieNamed("accessToken").isHttpOnly()).isTrue();
        screenshot(browser, "09-kakao-stand-in-logged-in");

        // a callback whose state does not match comes back to the page with ?error=
        browser.get(base + "/auth/kakao/callback?code=x&state=forged");
        waitForText(browser, "error", "error: invalid_state");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/?error=invalid_state");
        screenshot(browser, "10-error-code-shown");
    }

    @Test
    @Order(6)
    void shortAccessTokens_silentRefreshKeepsThePageWorking_andNoTrustedOriginMeansBlocked() throws Exception {
        int port = ServiceProcess.freePort();
        String shortBase = "http://localhost:" + port;
        Path otherData = Files.createTempDirectory("browser-it-short-");
        try (ServiceProcess shortLived = ServiceProcess.start(env(port, "AUTH_DATA_DIR", otherData.toString(),
                "AUTH_ACCESS_TOKEN_TTL", "PT3S"))) {
            shortLived.awaitHealthy(Duration.ofSeconds(60));
            browser.get(shortBase + "/");
            waitForText(browser, "status", "Not logged in.");
            logInAsDev(browser, shortBase, "erin", "Erin");
            // the access cookie lives as long as its token (Max-Age): the browser may already have dropped it
            String refresh = browser.manage().getCookieNamed("refreshToken").getValue();

            Thread.sleep(4_200); // token times are whole seconds: expired 3-4 s after issue
            assertThat(browser.manage().getCookieNamed("accessToken")).as("expired, dropped by the browser").isNull();
            // a new page load asks GET /api/users/me with the refresh cookie alone
            browser.navigate().refresh();
            waitForText(browser, "status", "Logged in as dev_erin");
            assertThat(text(browser, "log")).contains("GET /api/users/me → 200");
            // rotated silently: both cookies set anew
            assertThat(browser.manage().getCookieNamed("refreshToken").getValue()).isNotEqualTo(refresh);
            assertThat(browser.manage().getCookieNamed("accessToken")).isNotNull();
            screenshot(browser, "11-after-silent-refresh");

            browser.get(spaOrigin(trustedSpa) + "/spa.html?api=" + shortBase);
            assertThat(spaResult(browser)).contains("me blocked TypeError");
        }
    }

    // ---- helpers ----

    private static void logInAsDev(WebDriver driver, String name, String nickname) {
        logInAsDev(driver, base, name, nickname);
    }

    /** The demo page at {@code origin} → "Log in with dev" → the form → back on the demo page, logged in. */
    private static void logInAsDev(WebDriver driver, String origin, String name, String nickname) {
        driver.get(origin + "/");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("login-dev"))).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("dev-login")));
        if (name.equals("alice")) {
            screenshot(driver, "02-dev-login-form");
        }
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("nickname")).sendKeys(nickname);
        driver.findElement(By.id("email")).sendKeys(name + "@example.test");
        driver.findElement(By.id("submit")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlToBe(origin + "/"));
        waitForText(driver, "status", "Logged in as dev_" + name);
    }

    private static void waitForText(WebDriver driver, String id, String text) {
        try {
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("#" + id + " never showed \"" + text + "\"; it shows \"" + text(driver, id) + "\" at "
                    + driver.getCurrentUrl() + "; last answer: " + text(driver, "log"), e);
        }
    }

    private static String text(WebDriver driver, String id) {
        List<org.openqa.selenium.WebElement> found = driver.findElements(By.id(id));
        return found.isEmpty() ? "(no #" + id + ")" : found.get(0).getText();
    }

    private static String spaResult(WebDriver driver) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.attributeToBe(By.id("result"), "data-done", "1"));
        return text(driver, "result");
    }

    private static void awaitLogLine(String fragment) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (service.lines().stream().anyMatch(line -> line.contains(fragment))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no log line with \"" + fragment + "\":\n" + service.output());
    }

    private static void screenshot(WebDriver driver, String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> env(int port, String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("AUTH_HTTP_PORT", Integer.toString(port));
        env.put("AUTH_DATA_DIR", dataDir.toString());
        env.put("AUTH_DEV_LOGIN", "true");
        env.put("AUTH_COOKIE_SECURE", "false");
        env.put("AUTH_COOKIE_SAMESITE", "Lax");
        env.put("AUTH_LOGIN_REDIRECT_URL", "http://localhost:" + port + "/");
        env.put("AUTH_RATE_LIMIT_LOGIN", "off");
        env.put("AUTH_RATE_LIMIT_REFRESH", "off");
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static WebDriver newBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,1100",
                "--lang=en-US");
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(driverService, options);
    }

    private static void requireBinaries() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                String why = binary + " is missing (Debian: apt-get install chromium chromium-driver)";
                if ("true".equals(System.getenv("CI"))) {
                    fail(why);
                }
                assumeTrue(false, why);
            }
        }
    }

    private static String spaOrigin(HttpServer spa) {
        return "http://localhost:" + spa.getAddress().getPort();
    }

    /**
     * A single-page app of another origin: its script calls the API named by {@code ?api=} with
     * {@code credentials: 'include'} and writes what it could read.
     */
    private static HttpServer spa() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(0), 0);
        String page = """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>SPA on another origin</title>
                <script src="/spa.js" defer></script></head>
                <body><h1>A single-page app on another origin</h1><pre id="result">running…</pre></body></html>
                """;
        String script = """
                'use strict';
                const api = new URLSearchParams(location.search).get('api');
                async function call(label, path, init) {
                  try {
                    const response = await fetch(api + path, Object.assign({ credentials: 'include' }, init));
                    const body = await response.json();
                    return `${label} ${response.status} ${body.username || body.code || ''}`.trim();
                  } catch (e) {
                    return `${label} blocked ${e.name}`;
                  }
                }
                (async () => {
                  const lines = [await call('me', '/api/users/me', {}), await call('refresh', '/auth/refresh', { method: 'POST' })];
                  const out = document.getElementById('result');
                  out.textContent = lines.join('\\n');
                  out.dataset.done = '1';
                })();
                """;
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.equals("/spa.js") ? script : page).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", path.equals("/spa.js") ? "text/javascript; charset=utf-8"
                    : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
