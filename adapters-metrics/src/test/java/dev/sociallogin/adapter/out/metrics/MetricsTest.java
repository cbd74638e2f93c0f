package dev.sociallogin.adapter.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.RefreshOutcome;
import dev.sociallogin.settings.InvalidSettingException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> send(String method, int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenManagementPort_metrics_answersThePrometheusTextWithJvmAndOutcomeSeries() throws Exception {
        int port = freePort();
        try (Metrics metrics = Metrics.start(new ManagementSettings(port, InetAddress.getLoopbackAddress()))) {
            metrics.authOutcomes().refreshed(RefreshOutcome.GRACE);
            metrics.authOutcomes().loginSucceeded(ProviderName.KAKAO, true);
            metrics.authOutcomes().loginFailed(ProviderName.KAKAO, ErrorCode.PROVIDER_UNAVAILABLE);

            HttpResponse<String> scrape = send("GET", port, "/metrics");

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(scrape.body())
                    .contains("auth_refreshes_total{outcome=\"grace\"} 1.0")
                    .contains("auth_refreshes_total{outcome=\"reused\"} 0.0")
                    .contains("auth_logins_total{outcome=\"register\",provider=\"kakao\"} 1.0")
                    .contains("auth_logins_total{outcome=\"provider_error\",provider=\"kakao\"} 1.0")
                    .contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "process_uptime_seconds");
            assertThat(metrics.managementPort()).hasValue(port);
        }
    }

    @Test
    void givenOtherPathOrMethod_managementListener_answers404Or405() throws Exception {
        int port = freePort();
        try (Metrics ignored = Metrics.start(new ManagementSettings(port, InetAddress.getLoopbackAddress()))) {
            assertThat(send("GET", port, "/health").statusCode()).isEqualTo(404);
            assertThat(send("GET", port, "/metrics/x").statusCode()).isEqualTo(404);
            HttpResponse<String> post = send("POST", port, "/metrics");
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
    }

    @Test
    void givenPortZero_start_recordsWithoutAListener() {
        try (Metrics metrics = Metrics.start(ManagementSettings.disabled())) {
            metrics.authOutcomes().refreshed(RefreshOutcome.ROTATED);

            assertThat(metrics.managementPort()).isEmpty();
            assertThat(metrics.scrape()).contains("auth_refreshes_total{outcome=\"rotated\"} 1.0");
        }
    }

    @Test
    void givenPortInUse_start_isRefusedNamingTheVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InvalidSettingException e = catchThrowableOfType(InvalidSettingException.class,
                    () -> Metrics.start(new ManagementSettings(taken.getLocalPort(), InetAddress.getLoopbackAddress())));

            assertThat(e.variable()).isEqualTo("AUTH_MANAGEMENT_PORT");
        }
    }

    @Test
    void settings_defaultToLoopback9464_andRefuseBadValuesNamingTheVariable() {
        ManagementSettings defaults = ManagementSettings.from(Map.<String, String>of()::get);
        assertThat(defaults.port()).isEqualTo(9464);
        assertThat(defaults.address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(ManagementSettings.from(Map.of("AUTH_MANAGEMENT_PORT", "0")::get).enabled()).isFalse();
        assertThat(ManagementSettings.from(Map.of("AUTH_MANAGEMENT_ADDRESS", "::1")::get).address().getHostAddress())
                .isEqualTo("0:0:0:0:0:0:0:1");

        assertThat(catchThrowableOfType(InvalidSettingException.class,
                () -> ManagementSettings.from(Map.of("AUTH_MANAGEMENT_PORT", "99999")::get)).variable())
                .isEqualTo("AUTH_MANAGEMENT_PORT");
        assertThat(catchThrowableOfType(InvalidSettingException.class,
                () -> ManagementSettings.from(Map.of("AUTH_MANAGEMENT_ADDRESS", "no such host.invalid")::get)).variable())
                .isEqualTo("AUTH_MANAGEMENT_ADDRESS");
    }
}
