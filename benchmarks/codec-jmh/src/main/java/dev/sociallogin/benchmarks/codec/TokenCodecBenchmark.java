package dev.sociallogin.benchmarks.codec;

import dev.sociallogin.domain.model.TokenClaims;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.port.out.TokenCodec;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding and decoding one access token with each codec of {@link Codecs}, through the domain's
 * {@link TokenCodec} port (what the service calls on every login, refresh, {@code me} and verify).
 * Compare with {@link RawSignatureBenchmark} over the same signing input: the difference is the
 * codec's JSON, Base64 and claim checks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
// a long warm-up: on a loaded 2-core machine the JIT's compiler threads wait for a core too
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenCodecBenchmark {

    @Param({"jjwt-hs256"})
    public String codec;

    private TokenCodec tokenCodec;
    private TokenClaims claims;
    private String token;

    @Setup
    public void setUp() {
        Clock clock = Clock.systemUTC();
        tokenCodec = Codecs.create(codec, clock);
        claims = Codecs.accessClaims(clock);
        token = tokenCodec.encode(claims);
        if (!tokenCodec.decode(token, TokenType.ACCESS).equals(claims)) {
            throw new IllegalStateException(codec + " does not give back what it encoded");
        }
    }

    @Benchmark
    public String encode() {
        return tokenCodec.encode(claims);
    }

    @Benchmark
    public TokenClaims decode() {
        return tokenCodec.decode(token, TokenType.ACCESS);
    }

    /** The token the raw benchmarks sign: the same header and claims as the codec writes. */
    static String sampleToken() {
        Clock clock = Clock.systemUTC();
        return Codecs.create("jjwt-hs256", clock).encode(Codecs.accessClaims(clock));
    }
}
