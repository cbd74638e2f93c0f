package dev.sociallogin.adapter.out.jwt;

import java.util.Base64;

/**
 * Whether a compact JWS is written in its one canonical form: three base64url segments without
 * padding, each exactly what encoding its decoded bytes gives back. The JDK's (and jjwt's) decoder
 * ignores the unused low bits of a segment's last character and accepts a trailing {@code =}, so
 * without this check several strings would be accepted as one token (issue 9, item 5).
 */
final class CanonicalCompact {

    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private CanonicalCompact() {
    }

    static boolean isCanonical(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0 || token.indexOf('.', second + 1) >= 0) {
            return false;
        }
        return isCanonicalSegment(token, 0, first) && isCanonicalSegment(token, first + 1, second)
                && isCanonicalSegment(token, second + 1, token.length());
    }

    private static boolean isCanonicalSegment(String token, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = token.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!alphabet) {
                return false;
            }
        }
        String segment = token.substring(from, to);
        try {
            return ENCODER.encodeToString(DECODER.decode(segment)).equals(segment);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
