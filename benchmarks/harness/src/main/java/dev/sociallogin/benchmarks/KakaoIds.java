package dev.sociallogin.benchmarks;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The Kakao user ids of a run and the authorization codes that carry them to the fake Kakao.
 *
 * <p>Id spaces: {@link #SEEDED_BASE}{@code + n} ({@code n = 1..users}) are the users the data
 * generator stores; every driver run takes new ids from its own block above {@link #NEW_BASE},
 * so a "new" user is new in every database of the run. All are above 2^31 like real Kakao ids.
 */
final class KakaoIds {

    static final long SEEDED_BASE = 3_000_000_000L;
    static final long NEW_BASE = 5_000_000_000L;
    /** Ids per driver run: far more logins than any window can make. */
    static final long BLOCK = 100_000_000L;

    private static final char[] CODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_".toCharArray();
    /** Kakao's codes are 86 URL-safe characters; ours are as long. */
    private static final int CODE_LENGTH = 86;

    private KakaoIds() {
    }

    static long seeded(long n) {
        return SEEDED_BASE + n;
    }

    /** An authorization code for {@code id}: {@code <id>-<random>}, 86 characters. */
    static String code(long id) {
        String prefix = id + "-";
        char[] code = new char[CODE_LENGTH];
        prefix.getChars(0, prefix.length(), code, 0);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = prefix.length(); i < CODE_LENGTH; i++) {
            code[i] = CODE_CHARS[random.nextInt(CODE_CHARS.length)];
        }
        return new String(code);
    }

    /** The id inside a code of {@link #code}, or -1. */
    static long idOfCode(String code) {
        if (code == null) {
            return -1;
        }
        int dash = code.indexOf('-');
        if (dash <= 0) {
            return -1;
        }
        try {
            return Long.parseLong(code, 0, dash, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
