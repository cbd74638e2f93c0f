package dev.sociallogin.benchmarks.codec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * The signature alone, JDK providers only, over the JWS signing input ({@code header.payload}) of
 * an access token as {@code TokenCodecBenchmark} encodes it: the floor any codec with that
 * algorithm stands on. HS256 = HMAC-SHA256 (verify = recompute and compare in constant time),
 * ES256 = ECDSA P-256 with SHA-256 in JWS's fixed-length format, EdDSA = Ed25519, RS256 = RSA 2048
 * PKCS#1 v1.5 (the algorithm of Kakao's ID tokens). One {@code Mac}/{@code Signature} per thread,
 * as a codec would hold.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
// a long warm-up: on a loaded 2-core machine the JIT's compiler threads wait for a core too
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class RawSignatureBenchmark {

    @Param({"HS256", "ES256", "EdDSA", "RS256"})
    public String algorithm;

    private byte[] input;
    private byte[] signature;
    private Mac mac;
    private Signature signer;
    private Signature verifier;
    private KeyPair keys;

    @Setup
    public void setUp() throws GeneralSecurityException {
        String token = TokenCodecBenchmark.sampleToken();
        input = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        switch (algorithm) {
            case "HS256" -> {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Codecs.randomBytes(32), "HmacSHA256"));
            }
            case "ES256" -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                keys = generator.generateKeyPair();
                signer = Signature.getInstance("SHA256withECDSAinP1363Format");
                verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            }
            case "EdDSA" -> {
                keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                signer = Signature.getInstance("Ed25519");
                verifier = Signature.getInstance("Ed25519");
            }
            case "RS256" -> {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                signer = Signature.getInstance("SHA256withRSA");
                verifier = Signature.getInstance("SHA256withRSA");
            }
            default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
        }
        if (signer != null) {
            signer.initSign(keys.getPrivate());
            verifier.initVerify(keys.getPublic());
        }
        signature = sign();
        if (!verify()) {
            throw new IllegalStateException(algorithm + " does not verify its own signature");
        }
    }

    @Benchmark
    public byte[] sign() throws GeneralSecurityException {
        if (mac != null) {
            return mac.doFinal(input);
        }
        signer.update(input);
        return signer.sign();
    }

    @Benchmark
    public boolean verify() throws GeneralSecurityException {
        if (mac != null) {
            return MessageDigest.isEqual(mac.doFinal(input), signature);
        }
        verifier.update(input);
        return verifier.verify(signature);
    }
}
