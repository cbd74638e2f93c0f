package dev.sociallogin.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A valid token changed the ways an attacker or a broken client changes one: bits flipped,
 * segments re-encoded, headers swapped or forged, claims altered under the old signature, padding
 * added or removed, case changed, truncated, segments duplicated, dropped or reordered. Every result
 * is printable ASCII, so it can travel in a header and a cookie as well as in JSON.
 */
final class TokenMutations {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String[] FORGED_HEADERS = {
        "{\"alg\":\"none\"}", "{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"NONE\"}", "{\"alg\":\"HS512\",\"typ\":\"JWT\"}",
        "{\"alg\":\"HS384\"}", "{\"alg\":\"RS256\"}", "{\"alg\":\"ES256\"}", "{\"alg\":\"EdDSA\"}", "{\"alg\":\"PS256\"}",
        "{\"typ\":\"JWT\"}", "{\"alg\":\"HS256\",\"kid\":\"../../../../dev/null\"}", "{\"alg\":\"HS256\",\"kid\":\"' OR 1=1 --\"}",
        "{\"alg\":\"HS256\",\"jku\":\"http://127.0.0.1:9/jwks.json\"}", "{\"alg\":\"HS256\",\"x5u\":\"http://127.0.0.1:9/c.pem\"}",
        "{\"alg\":\"HS256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}}",
        "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", "{\"alg\":\"HS256\",\"zip\":\"DEF\"}", "{\"alg\":\"HS256\",\"b64\":false}",
        "{\"alg\":\"HS256\",\"alg\":\"none\"}", "{\"alg\":[\"HS256\"]}", "{\"alg\":null}", "{}", "[]", "null", "\"HS256\"", "{",
        "{\"alg\":\"HS256\",\"enc\":\"A128GCM\"}", "{\"alg\":\"dir\",\"enc\":\"A128GCM\"}",
    };
    private static final String[] CLAIMS = {"sub", "username", "token_type", "exp", "iat", "nbf", "jti", "iss", "family", "aud", "x"};

    private TokenMutations() {
    }

    /** One to three mutations of {@code token}; {@code other} is another valid token (the other type) to borrow from. */
    static String mutate(String token, String other, Random random) {
        String result = token;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            result = once(result, other, random);
        }
        return result;
    }

    private static String once(String token, String other, Random r) {
        String[] parts = token.split("\\.", -1);
        switch (r.nextInt(16)) {
            case 0: return flipBit(token, r);
            case 1: return reEncode(parts, r);
            case 2: return withSegment(parts, 0, other.split("\\.", -1)[0]);
            case 3: return withSegment(parts, 0, URL.encodeToString(pick(FORGED_HEADERS, r).getBytes(StandardCharsets.UTF_8)));
            case 4: return alterClaim(parts, r);
            case 5: return padding(parts, r);
            case 6: return changeCase(token, r);
            case 7: return token.substring(0, r.nextInt(token.length() + 1));
            case 8: return duplicateSegment(parts, r);
            case 9: return insert(token, r);
            case 10: return token.isEmpty() ? token : deleteAt(token, r.nextInt(token.length()));
            case 11: return withSegment(parts, 1, other.split("\\.", -1).length > 1 ? other.split("\\.", -1)[1] : "");
            case 12: return String.join(".", Arrays.copyOf(parts, Math.max(1, parts.length - 1))) + (r.nextBoolean() ? "." : "");
            case 13: return withSegment(parts, r.nextInt(parts.length), "");
            case 14: return swapSegments(parts, r);
            default: return withSegment(parts, r.nextInt(parts.length), randomBase64Url(r, r.nextInt(120)));
        }
    }

    private static String flipBit(String token, Random r) {
        if (token.isEmpty()) {
            return "x";
        }
        char[] chars = token.toCharArray();
        int at = r.nextInt(chars.length);
        char flipped = (char) (chars[at] ^ (1 << r.nextInt(7)));
        chars[at] = flipped >= 0x21 && flipped <= 0x7e ? flipped : (char) ('!' + r.nextInt(94));
        return new String(chars);
    }

    /** A segment decoded and written again: padded, in the standard alphabet, or both. */
    private static String reEncode(String[] parts, Random r) {
        int i = r.nextInt(parts.length);
        byte[] bytes = decode(parts[i]);
        if (bytes == null) {
            return String.join(".", parts);
        }
        String again = switch (r.nextInt(3)) {
            case 0 -> Base64.getUrlEncoder().encodeToString(bytes);
            case 1 -> Base64.getEncoder().withoutPadding().encodeToString(bytes);
            default -> Base64.getEncoder().encodeToString(bytes);
        };
        return withSegment(parts, i, again);
    }

    /** A claim changed, removed or added in the payload, the signature left as it was. */
    private static String alterClaim(String[] parts, Random r) {
        if (parts.length < 2) {
            return String.join(".", parts);
        }
        byte[] bytes = decode(parts[1]);
        JsonNode payload = null;
        try {
            payload = bytes == null ? null : Http.JSON.readTree(bytes);
        } catch (IOException e) {
            // not JSON: leave it
        }
        if (!(payload instanceof ObjectNode claims)) {
            return String.join(".", parts);
        }
        String claim = pick(CLAIMS, r);
        if (r.nextInt(5) == 0) {
            claims.remove(claim);
        } else {
            claims.set(claim, randomClaimValue(claims.get(claim), r));
        }
        String json = claims.toString();
        if (r.nextInt(6) == 0) {
            // the same claim twice: parsers differ on which one wins
            json = json.substring(0, json.length() - 1) + ",\"" + claim + "\":" + randomClaimValue(null, r) + "}";
        }
        return withSegment(parts, 1, URL.encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode randomClaimValue(JsonNode current, Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(12)) {
            case 0 -> f.textNode("1");
            case 1 -> f.textNode(current == null ? "0" : current.asText() + "0");
            case 2 -> f.numberNode(current == null ? 1L : current.asLong() + 1 + r.nextInt(1000));
            case 3 -> f.numberNode(Long.MAX_VALUE);
            case 4 -> f.numberNode(-1L);
            case 5 -> f.numberNode(1e300);
            case 6 -> f.textNode("refresh");
            case 7 -> f.textNode("access");
            case 8 -> f.booleanNode(true);
            case 9 -> f.nullNode();
            case 10 -> f.arrayNode().add(current == null ? f.textNode("x") : current);
            default -> f.textNode(current == null ? " " : " " + current.asText());
        };
    }

    /** {@code =} added to or removed from a segment (a trailing one on the signature is a known open case). */
    private static String padding(String[] parts, Random r) {
        int i = r.nextInt(parts.length);
        String segment = parts[i];
        String changed = segment.endsWith("=") && r.nextBoolean() ? segment.substring(0, segment.length() - 1)
                : segment + "=".repeat(1 + r.nextInt(2));
        return withSegment(parts, i, changed);
    }

    private static String changeCase(String token, Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> token.toUpperCase(java.util.Locale.ROOT);
            case 1 -> token.toLowerCase(java.util.Locale.ROOT);
            default -> {
                char[] chars = token.toCharArray();
                for (int k = 0; k < chars.length; k++) {
                    if (r.nextInt(8) == 0) {
                        chars[k] = Character.isUpperCase(chars[k]) ? Character.toLowerCase(chars[k]) : Character.toUpperCase(chars[k]);
                    }
                }
                yield new String(chars);
            }
        };
    }

    private static String duplicateSegment(String[] parts, Random r) {
        List<String> list = new ArrayList<>(Arrays.asList(parts));
        int i = r.nextInt(list.size());
        list.add(r.nextInt(list.size() + 1), list.get(i));
        return String.join(".", list);
    }

    private static String swapSegments(String[] parts, Random r) {
        if (parts.length < 2) {
            return String.join(".", parts);
        }
        String[] copy = parts.clone();
        int i = r.nextInt(copy.length);
        int j = (i + 1 + r.nextInt(copy.length - 1)) % copy.length;
        String t = copy[i];
        copy[i] = copy[j];
        copy[j] = t;
        return String.join(".", copy);
    }

    private static String insert(String token, Random r) {
        String[] extras = {".", "=", "+", "/", "-", "_", "%", "\"", "\\", "A", "0", "~", "*", " "};
        int at = r.nextInt(token.length() + 1);
        return token.substring(0, at) + pick(extras, r) + token.substring(at);
    }

    private static String deleteAt(String token, int at) {
        return token.substring(0, at) + token.substring(at + 1);
    }

    private static String withSegment(String[] parts, int i, String segment) {
        String[] copy = parts.clone();
        if (i < copy.length) {
            copy[i] = segment;
        }
        return String.join(".", copy);
    }

    private static String randomBase64Url(Random r, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static byte[] decode(String segment) {
        try {
            return Base64.getUrlDecoder().decode(segment.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String pick(String[] values, Random r) {
        return values[r.nextInt(values.length)];
    }
}
