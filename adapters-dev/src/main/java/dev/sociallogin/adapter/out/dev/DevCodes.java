package dev.sociallogin.adapter.out.dev;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The dev provider's authorization codes: the identity typed into the form, bound to the login
 * flow's state, sealed with HMAC-SHA256 under a key drawn at random when the process starts (so a
 * code never outlives the process, and nothing is stored), good for {@link #LIFETIME} and once.
 *
 * <p>A code is {@code base64url(payload) "." base64url(mac)}; the payload is the lines
 * {@code id, state, expiry (epoch seconds), name, nickname, email}, each base64url. Used ids are
 * remembered until they expire.
 */
final class DevCodes {

    /** The code travels at once from the form's answer to the callback: a short life is plenty. */
    static final Duration LIFETIME = Duration.ofMinutes(2);
    static final int MAX_REMEMBERED = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    /** What a code says. */
    record Identity(String name, String nickname, String email) {
    }

    private final SecretKeySpec key;
    private final Clock clock;
    private final Map<String, Instant> used = new LinkedHashMap<>();

    DevCodes(Clock clock) {
        this(randomKey(), clock);
    }

    DevCodes(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    String seal(Identity identity, String state) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        Instant expiry = clock.instant().plus(LIFETIME);
        String payload = String.join("\n", B64.encodeToString(id), text(state), text(Long.toString(expiry.getEpochSecond())),
                text(identity.name()), text(identity.nickname()), text(identity.email() == null ? "" : identity.email()));
        String encoded = text(payload);
        return encoded + "." + B64.encodeToString(mac(encoded));
    }

    /** The identity of a code sealed here for {@code state}, unexpired and not used before; {@code PROVIDER_REJECTED} otherwise. */
    Identity open(String code, String state) {
        int dot = code == null ? -1 : code.indexOf('.');
        if (dot <= 0) {
            throw rejected("not a dev code");
        }
        String encoded = code.substring(0, dot);
        byte[] presented;
        List<String> fields = new ArrayList<>();
        try {
            presented = D64.decode(code.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(encoded), presented)) {
                throw rejected("dev code seal does not verify");
            }
            for (String field : untext(encoded).split("\n", -1)) {
                fields.add(field);
            }
        } catch (IllegalArgumentException e) {
            throw rejected("not a dev code");
        }
        if (fields.size() != 6) {
            throw rejected("not a dev code");
        }
        String id = fields.get(0);
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(untext(fields.get(2))));
        Instant now = clock.instant();
        if (!now.isBefore(expiry)) {
            throw rejected("dev code expired");
        }
        if (state == null || !MessageDigest.isEqual(untext(fields.get(1)).getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            throw rejected("dev code of another login flow");
        }
        if (!firstUse(id, expiry, now)) {
            throw rejected("dev code already used");
        }
        String email = untext(fields.get(5));
        return new Identity(untext(fields.get(3)), untext(fields.get(4)), email.isEmpty() ? null : email);
    }

    private synchronized boolean firstUse(String id, Instant expiry, Instant now) {
        for (Iterator<Instant> expiries = used.values().iterator(); expiries.hasNext(); ) {
            if (!now.isBefore(expiries.next())) {
                expiries.remove();
            }
        }
        if (used.containsKey(id)) {
            return false;
        }
        if (used.size() >= MAX_REMEMBERED) {
            Iterator<String> oldest = used.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        used.put(id, expiry);
        return true;
    }

    private byte[] mac(String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // every Java platform implements HmacSHA256
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String text(String value) {
        return B64.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String untext(String value) {
        return new String(D64.decode(value), StandardCharsets.UTF_8);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static DomainException rejected(String why) {
        return new DomainException(ErrorCode.PROVIDER_REJECTED, why);
    }
}
