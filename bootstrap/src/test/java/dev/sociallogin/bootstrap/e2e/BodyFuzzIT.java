package dev.sociallogin.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * Hostile and broken JSON bodies ({@link RandomJson}) at every route that reads a body, against one
 * packaged-jar process: never a 5xx, every error a contract problem whose body status is the HTTP
 * status, and never a success (no body here carries a valid token or Kakao code; logout
 * {@code local} answers 202 whatever it gets, by contract).
 */
class BodyFuzzIT {

    private static final Set<Integer> NO_SUCCESS = Set.of();
    private static final String[] ROUTES = {"/auth/verify", "/auth/refresh", "/auth/logout?scope=local",
        "/auth/logout?scope=others", "/auth/logout?scope=global", "/auth/kakao/login"};
    private static final String[] OTHER_TYPES = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
        "application/problem+json", "application/json; charset=iso-8859-1", "multipart/form-data; boundary=x", "application/xml"};

    private static Path dataDir;
    private static KakaoFake kakao;
    private static ServiceProcess service;
    private static Http http;

    @BeforeContainer
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("body-fuzz");
        kakao = new KakaoFake();
        service = ServiceProcess.start(FuzzOracle.env(kakao, dataDir.toString()));
        service.awaitHealthy(Duration.ofSeconds(120));
        http = new Http(service.baseUrl());
    }

    @AfterContainer
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (kakao != null) {
            kakao.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Property(tries = 280)
    void hostileJsonBody_neverFailsTheServerNorSucceeds(@ForAll long seed) {
        Random random = new Random(seed);
        byte[] body = RandomJson.body(random);
        for (String route : ROUTES) {
            Http.Reply reply = http.send("POST", route, RequestBody.create(body, MediaType.get("application/json")));
            FuzzOracle.check(route + " " + printable(body), reply, route.endsWith("scope=local") ? Set.of(202) : NO_SUCCESS);
        }
    }

    @Property(tries = 60)
    void bodyOfAnotherType_isAContractProblem(@ForAll long seed) {
        Random random = new Random(seed);
        byte[] body = RandomJson.body(random);
        String type = OTHER_TYPES[random.nextInt(OTHER_TYPES.length)];
        for (String route : ROUTES) {
            Http.Reply reply = http.send("POST", route, RequestBody.create(body, MediaType.get(type)));
            FuzzOracle.check(route + " (" + type + ") " + printable(body), reply, route.endsWith("scope=local") ? Set.of(202) : NO_SUCCESS);
        }
    }

    @Property(tries = 12)
    void bodyOverTheLimit_isPayloadTooLarge(@ForAll long seed) {
        Random random = new Random(seed);
        String filler = RandomJson.value(random, 0).replace("\"", "");
        String body = "{\"token\":\"" + "x".repeat(16 * 1024 + random.nextInt(64 * 1024)) + filler + "\"}";
        for (String route : ROUTES) {
            Http.Reply reply = http.send("POST", route, RequestBody.create(body, MediaType.get("application/json")));
            FuzzOracle.check(route + " (" + body.length() + " bytes)", reply, NO_SUCCESS, "payload_too_large");
            assertThat(reply.status()).isEqualTo(413);
        }
    }

    private static String printable(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…(" + body.length + " bytes)" : text;
    }
}
