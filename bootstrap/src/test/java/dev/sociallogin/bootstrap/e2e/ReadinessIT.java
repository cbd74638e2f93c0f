package dev.sociallogin.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness and readiness of the packaged service while its database goes away and comes back: the
 * database (MariaDB, from AUTH_TEST_DB_URL) is reached through a relay the test cuts. Liveness stays
 * UP throughout (a database outage is no reason to restart the process); readiness and v1 health go
 * DOWN and come back UP once the database answers again.
 */
class ReadinessIT {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void givenDatabaseOutage_livenessStaysUp_readinessGoesDownAndComesBack() throws Exception {
        TestDatabase.require();
        URI server = URI.create(TestDatabase.URL.substring("jdbc:".length()));
        try (KakaoFake kakao = new KakaoFake(); DbRelay relay = new DbRelay(server.getHost(), server.getPort())) {
            Map<String, String> env = OperationsIT.env(kakao, dataDir);
            env.put("AUTH_DB_URL", "jdbc:mysql://127.0.0.1:" + relay.port() + server.getRawPath());
            env.put("AUTH_DB_USER", TestDatabase.USER);
            env.put("AUTH_DB_PASSWORD", TestDatabase.PASSWORD);
            try (ServiceProcess service = ServiceProcess.start(env)) {
                service.awaitHealthy(OperationsIT.READY_WITHIN);
                Http http = new Http(service.baseUrl());
                assertThat(http.get("/health/ready").body()).isEqualTo("{\"status\":\"UP\"}");
                assertThat(http.get("/health/live").body()).isEqualTo("{\"status\":\"UP\"}");

                relay.cut();

                awaitStatus(http, "/health/ready", 503);
                assertThat(http.get("/health/ready").body()).isEqualTo("{\"status\":\"DOWN\"}");
                assertThat(http.get("/health").status()).isEqualTo(503);
                Http.Reply live = http.get("/health/live");
                assertThat(live.status()).isEqualTo(200);
                assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");

                relay.restore();

                awaitStatus(http, "/health/ready", 200);
                assertThat(http.get("/health").status()).isEqualTo(200);
            }
        }
    }

    private static void awaitStatus(Http http, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = http.get(path).status();
            if (last == status) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " still answers " + last + " after " + WITHIN + ", expected " + status);
    }
}
