package dev.sociallogin.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The self-test's checks can fail: a server that answers wrongly is caught, route by route. */
class SelfTestTest {

    @Test
    void givenAServerThatAnswersOkToEverything_selfTest_namesEveryWrongAnswer() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            for (int i = 0; i < 20; i++) {
                server.enqueue(new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                        .setBody("{\"status\":\"UP\"}"));
            }
            server.start();

            List<String> failures = SelfTest.failuresOf(URI.create(server.url("/").toString()));

            assertThat(failures).contains("GET /auth/providers answers a body with \"providers\":[\"kakao\"]",
                    "GET /auth/kakao/authorize answers 302 (got 200)", "authorize redirects to the provider",
                    "GET /api/users/me answers 401 (got 200)", "POST /auth/refresh answers 403 (got 200)",
                    "GET /no/such/route answers application/problem+json (got application/json)");
            assertThat(failures).noneMatch(failure -> failure.startsWith("GET /health"));
        }
    }

    @Test
    void givenNoServer_selfTest_saysThereWasNoAnswer() throws Exception {
        URI closed;
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            closed = URI.create(server.url("/").toString());
        }
        assertThat(SelfTest.failuresOf(closed)).contains("GET /health: no answer (ConnectException)");
    }

    @Test
    void selfTestIsACommand() {
        assertThat(Command.parse("self-test")).contains(Command.SELF_TEST);
        assertThat(Command.usage()).contains("self-test");
    }
}
