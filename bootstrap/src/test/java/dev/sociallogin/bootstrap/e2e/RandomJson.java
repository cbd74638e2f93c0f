package dev.sociallogin.bootstrap.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Request bodies a JSON route may get from a hostile or broken client: random JSON values, the
 * route's own field names with wrong types, huge and odd numbers, deep nesting, duplicate keys,
 * unusual Unicode (escaped lone surrogates, NUL, BOM), malformed text and invalid UTF-8 bytes.
 */
final class RandomJson {

    /** Every field name a body route reads. */
    private static final String[] FIELDS = {"token", "refresh", "code", "redirectUri", "accessToken"};
    private static final String[] ODD_NUMBERS = {"1e999999", "-1e-999999", "123456789012345678901234567890123456789",
        "9".repeat(5000), "0.0000000000000000000000000001", "-0", "1E+2", "01", "0x10", "NaN", "Infinity", "-Infinity", "1.",
        ".5", "+1", "1e", "18446744073709551616"};
    private static final String[] ODD_STRINGS = {"\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\uFEFF\"",
        "\"🐯🐯🐯\"", "\"\u202Eevil\"", "\"a\\\"b\"", "\"\\\\\"", "\"\\x41\"", "\"\\u00\"", "\"" + "é".repeat(3000) + "\"",
        "\"line\nbreak\"", "\"tab\there\"", "''", "\"\"", "\" \""};
    private static final String[] MALFORMED = {"", " ", "{", "}", "[", "{\"token\"", "{\"token\":}", "{\"token\":\"x\",}",
        "{token:\"x\"}", "{'token':'x'}", "{\"token\":\"x\"} trailing", "{\"token\":\"x\"}{}", "/* c */ {}", "{\"token\":\"x\" // c\n}",
        "null", "true", "0", "\"token\"", "[]", "{\"\":\"\"}", "\uFEFF{}", "{\"token\":undefined}", "{\"a\":1 \"b\":2}"};

    private RandomJson() {
    }

    /** One body, as bytes (some are not valid UTF-8). */
    static byte[] body(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> utf8(value(r, 4));
            case 1, 2 -> utf8(fieldsWithWrongTypes(r));
            case 3 -> utf8(object(r, pick(FIELDS, r), pick(ODD_NUMBERS, r)));
            case 4 -> utf8(deepNesting(r));
            case 5 -> utf8(duplicateKeys(r));
            case 6 -> utf8(object(r, pick(FIELDS, r), pick(ODD_STRINGS, r)));
            case 7 -> utf8(pick(MALFORMED, r));
            default -> invalidUtf8(r);
        };
    }

    private static String fieldsWithWrongTypes(Random r) {
        StringBuilder b = new StringBuilder("{");
        int count = 1 + r.nextInt(3);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(pick(FIELDS, r)).append("\":").append(value(r, 2));
        }
        return b.append('}').toString();
    }

    private static String object(Random r, String field, String value) {
        return r.nextBoolean() ? "{\"" + field + "\":" + value + "}" : "{\"" + field + "\":[" + value + "]}";
    }

    private static String deepNesting(Random r) {
        int depth = new int[] {200, 999, 1001, 3000, 9000}[r.nextInt(5)];
        if (r.nextBoolean()) {
            return "[".repeat(depth) + "]".repeat(depth);
        }
        return "{\"token\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
    }

    private static String duplicateKeys(Random r) {
        String field = pick(FIELDS, r);
        return "{\"" + field + "\":" + value(r, 1) + ",\"" + field + "\":" + value(r, 1) + (r.nextBoolean() ? ",\"" + field + "\":\"x\"" : "")
                + "}";
    }

    /** A random JSON value nested at most {@code depth} deep. */
    static String value(Random r, int depth) {
        int kind = r.nextInt(depth > 0 ? 8 : 6);
        switch (kind) {
            case 0: return "null";
            case 1: return r.nextBoolean() ? "true" : "false";
            case 2: return Long.toString(r.nextLong());
            case 3: return Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
            case 4: return pick(ODD_STRINGS, r);
            case 5: return "\"" + randomText(r, r.nextInt(40)) + "\"";
            case 6: {
                StringBuilder b = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i > 0 ? "," : "").append(value(r, depth - 1));
                }
                return b.append(']').toString();
            }
            default: {
                StringBuilder b = new StringBuilder("{");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    String key = r.nextBoolean() ? pick(FIELDS, r) : randomText(r, r.nextInt(8));
                    b.append(i > 0 ? "," : "").append('"').append(key).append("\":").append(value(r, depth - 1));
                }
                return b.append('}').toString();
            }
        }
    }

    /** Printable text of any script, escaped for a JSON string. */
    private static String randomText(Random r, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (r.nextInt(4)) {
                case 0 -> 0x20 + r.nextInt(0x5f);
                case 1 -> 0xAC00 + r.nextInt(11172); // Hangul
                case 2 -> 0x1F300 + r.nextInt(0x300); // emoji
                default -> 0xA0 + r.nextInt(0x2000);
            };
            if (cp == '"' || cp == '\\') {
                b.append('\\');
            }
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private static byte[] invalidUtf8(Random r) {
        byte[] prefix = ("{\"" + pick(FIELDS, r) + "\":\"").getBytes(StandardCharsets.UTF_8);
        byte[][] bad = {{(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
        byte[] middle = bad[r.nextInt(bad.length)];
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + middle.length + suffix.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(middle, 0, all, prefix.length, middle.length);
        System.arraycopy(suffix, 0, all, prefix.length + middle.length, suffix.length);
        return all;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(String[] values, Random r) {
        return values[r.nextInt(values.length)];
    }
}
