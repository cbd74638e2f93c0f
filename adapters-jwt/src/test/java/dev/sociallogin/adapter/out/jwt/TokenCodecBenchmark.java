package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.TokenPolicy;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.model.Username;
import dev.sociallogin.domain.port.out.TokenCodec;
import dev.sociallogin.testfixtures.fake.InMemorySigningKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode and decode per second on one thread, for each access-token algorithm: {@code encodeAccess}
 * (a login or refresh signs one), {@code decodeAccess} (signature and claims, what every API call
 * costs without the cache), {@code decodeAccessCached} (the same token again: the verified-token cache),
 * {@code encodeRefresh} and {@code decodeRefresh} (HS256 with the ring's internal key, whatever the
 * access algorithm). Not a test: run it as docs/signing-keys.md says.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class TokenCodecBenchmark {

    @Param({"ES256", "EdDSA", "RS256", "HS256"})
    public String algorithm;

    private JwtTokens uncached;
    private JwtTokens cached;
    private TokenClaims access;
    private TokenClaims refresh;
    private String accessToken;
    private String refreshToken;

    @Setup(Level.Trial)
    public void open() {
        SigningAlgorithm chosen = SigningAlgorithm.fromJwaName(algorithm).orElseThrow();
        JwtSettings settings = new JwtSettings("https://auth.example.test", chosen,
                chosen == SigningAlgorithm.HS256 ? JwtKeys.fromBytes(new byte[32]) : null, Duration.ofDays(30), Duration.ofMinutes(15),
                Path.of("target", "bench-no-key-file"));
        InMemorySigningKeyStore store = new InMemorySigningKeyStore();
        uncached = JwtTokens.open(settings, TokenPolicy.DEFAULTS, store, Clock.systemUTC(), 0, false);
        cached = JwtTokens.open(settings, TokenPolicy.DEFAULTS, store, Clock.systemUTC(), JjwtTokenCodec.DEFAULT_CACHE_ENTRIES, false);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        access = TokenClaims.access(TokenId.random(), new UserId(4242), new Username("kakao_4362956124"), now, now.plus(Duration.ofHours(5)),
                FamilyId.random());
        refresh = TokenClaims.refresh(TokenId.random(), new UserId(4242), new Username("kakao_4362956124"), now, now.plus(Duration.ofDays(7)),
                FamilyId.random());
        accessToken = uncached.codec().encode(access);
        refreshToken = uncached.codec().encode(refresh);
    }

    @TearDown(Level.Trial)
    public void close() {
        uncached.close();
        cached.close();
    }

    @Benchmark
    public String encodeAccess() {
        return uncached.codec().encode(access);
    }

    @Benchmark
    public TokenClaims decodeAccess() {
        return uncached.codec().decode(accessToken, TokenType.ACCESS);
    }

    @Benchmark
    public TokenClaims decodeAccessCached() {
        return cached.codec().decode(accessToken, TokenType.ACCESS);
    }

    @Benchmark
    public String encodeRefresh() {
        return uncached.codec().encode(refresh);
    }

    @Benchmark
    public TokenClaims decodeRefresh() {
        TokenCodec codec = uncached.codec();
        return codec.decode(refreshToken, TokenType.REFRESH);
    }
}
