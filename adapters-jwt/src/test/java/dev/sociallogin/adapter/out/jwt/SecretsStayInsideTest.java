package dev.sociallogin.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.sociallogin.domain.model.KeyId;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.testfixtures.fake.InMemorySigningKeyStore;
import dev.sociallogin.testfixtures.fake.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A whole key-ring life (creation, use, rotation, removal, refusals, a corrupt stored key) with every
 * log line and every message kept: none carries a private key or the v1 secret, in any usual spelling.
 */
class SecretsStayInsideTest {

    @TempDir
    java.nio.file.Path dataDir;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
    }

    @Test
    void aKeyRingsLife_neverWritesKeyMaterialIntoLogsOrMessages() {
        MutableClock clock = MutableClock.at(KeyRingCodecTest.T0);
        InMemorySigningKeyStore store = new InMemorySigningKeyStore();
        SecretKey v1 = JwtKeys.fromBytes(KeyRingCodecTest.V1_SECRET);
        List<String> texts = new ArrayList<>();
        JwtSettings settings = new JwtSettings(KeyRingCodecTest.ISSUER, SigningAlgorithm.RS256, v1, Duration.ofDays(30),
                Duration.ofMinutes(15), dataDir);
        texts.add(settings.toString());
        List<SigningKey> everKnown = new ArrayList<>();
        try (JwtTokens tokens = JwtTokens.open(settings, KeyRingCodecTest.POLICY, store, clock, 100, false)) {
            String token = tokens.codec().encode(KeyRingCodecTest.access(clock.instant()));
            everKnown.addAll(store.findAll(KeyRingCodecTest.ISSUER));
            tokens.signingKeys().rotate().forEach(rotation -> texts.add(rotation.toString()));
            everKnown.addAll(store.findAll(KeyRingCodecTest.ISSUER));
            texts.add(tokens.signingKeys().published().toString());
            texts.add(tokens.keeper().ring().toString());
            for (SigningKey key : store.findAll(KeyRingCodecTest.ISSUER)) {
                texts.add(KeyMaterial.load(key).toString());
            }
            clock.advance(Duration.ofDays(8));
            tokens.reload();
            for (String bad : List.of(token + "x", token.replace('.', ','), "e30.e30.e30", token.substring(0, token.length() - 2))) {
                texts.add(catchThrowable(() -> tokens.codec().decode(bad, TokenType.ACCESS)).getMessage());
            }
            texts.add(catchThrowable(() -> tokens.codec().decode(token, TokenType.ACCESS)).getMessage());
        }
        SigningKey sample = everKnown.get(0);
        SigningKey corrupt = new SigningKey(new KeyId("corrupt"), TokenType.ACCESS, SigningAlgorithm.ES256, 9, sample.privateKey(),
                new byte[] {1, 2, 3}, sample.createdAt(), sample.activatesAt());
        texts.add(catchThrowable(() -> KeyMaterial.load(corrupt)).getMessage());
        logs.list.forEach(event -> texts.add(event.getFormattedMessage()));

        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(line -> line.contains("created"))
                .anyMatch(line -> line.contains("removed"));
        List<byte[]> secrets = new ArrayList<>();
        everKnown.forEach(key -> secrets.add(key.privateKey()));
        secrets.add(KeyRingCodecTest.V1_SECRET);
        for (String text : texts) {
            for (byte[] secret : secrets) {
                assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(secret).substring(0, 24))
                        .doesNotContain(Base64.getUrlEncoder().encodeToString(secret).substring(0, 24))
                        .doesNotContain(HexFormat.of().formatHex(secret).substring(0, 24))
                        .doesNotContain(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1).substring(0, 12));
            }
            assertThat(text).doesNotContainIgnoringCase("private exponent").doesNotContain("PRIVATE KEY");
        }
    }
}
