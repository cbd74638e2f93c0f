package dev.sociallogin.adapter.out.jwt;

/**
 * The one spelling of a JWS we accept (issue 9, item 5): exactly three non-empty segments, each in
 * canonical unpadded base64url. jjwt's decoder, like the JDK's, ignores the unused low bits of a
 * segment's last character and tolerates trailing {@code =}, so one token could be sent in several
 * spellings: different strings for revocation lists, caches and logs, one token to us.
 */
final class CompactJws {

    private CompactJws() {
    }

    /** Whether {@code token} is three canonical base64url segments joined by dots. */
    static boolean isCanonical(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return false;
        }
        return isCanonicalSegment(token, 0, first) && isCanonicalSegment(token, first + 1, second)
                && isCanonicalSegment(token, second + 1, token.length());
    }

    /** {@code token[from, to)}: non-empty, base64url alphabet only, a possible length, zero unused bits. */
    static boolean isCanonicalSegment(String token, int from, int to) {
        int length = to - from;
        if (length <= 0 || length % 4 == 1) {
            return false;
        }
        int last = 0;
        for (int i = from; i < to; i++) {
            last = sextet(token.charAt(i));
            if (last < 0) {
                return false;
            }
        }
        // 2 characters carry 1 byte (4 bits unused), 3 carry 2 bytes (2 bits unused)
        switch (length % 4) {
            case 2:
                return (last & 0x0F) == 0;
            case 3:
                return (last & 0x03) == 0;
            default:
                return true;
        }
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        if (c == '-') {
            return 62;
        }
        return c == '_' ? 63 : -1;
    }
}
