package dev.sociallogin.testfixtures.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenAPI 3.1 document used as a contract that HTTP tests cannot break unnoticed: {@link #check}
 * fails on any exchange the document does not describe. The rules:
 * <ul>
 *   <li>a path the document does not list must answer its 404 {@code not_found}; a method a listed
 *       path does not list, its 405 {@code method_not_allowed} with an {@code Allow} naming the listed
 *       methods; a CORS preflight, 204 or its 403 {@code cors_rejected} (the document's description says
 *       so, and its components {@code NotFound}, {@code MethodNotAllowed}, {@code CorsPreflight},
 *       {@code CorsRejected} describe those answers);</li>
 *   <li>a request the document refuses (a parameter or body against its schema, a missing required
 *       body, a body of an undocumented media type) must be answered with a 4xx;</li>
 *   <li>every answer's status must be documented for its operation, its body must match the documented
 *       media type and schema (objects are closed: an undocumented field fails), every header must be
 *       documented for that answer (transport headers aside) and every required one present.</li>
 * </ul>
 * Schemas are checked by networknt's JSON Schema validator with the OpenAPI 3.1 dialect; paths,
 * parameters and answers are matched here.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String BASE = "https://social-login.test/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** Headers of HTTP itself rather than of the API. */
    private static final Set<String> TRANSPORT = Set.of("date", "content-length", "transfer-encoding", "connection", "keep-alive",
            "content-type");
    private static final Set<String> JSON_MEDIA = Set.of("application/json", "application/problem+json");

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> cache = new ConcurrentHashMap<>();

    private OpenApiContract(String text) {
        try {
            this.document = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the OpenAPI document is not JSON", e);
        }
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(BASE, text)));
    }

    /** The document at {@code resource} on the classpath (e.g. {@code /openapi.json}). */
    public static OpenApiContract fromClasspath(String resource) {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + " not on the classpath");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OpenApiContract of(String documentText) {
        return new OpenApiContract(documentText);
    }

    /** The document as parsed (tests derive altered copies from it). */
    public JsonNode document() {
        return document.deepCopy();
    }

    /** Fails with every way {@code exchange} departs from the document. */
    public void check(HttpExchange exchange) {
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            String body = exchange.responseBody();
            throw new AssertionError("not as the OpenAPI document says: " + exchange.describe() + "\n  - "
                    + String.join("\n  - ", violations) + "\n  answer body: " + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
        }
    }

    /** Every way {@code exchange} departs from the document; empty when it is described. */
    public List<String> violations(HttpExchange exchange) {
        List<String> violations = new ArrayList<>();
        String target = exchange.pathAndQuery();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        String method = exchange.method().toLowerCase(Locale.ROOT);

        if (method.equals("options") && exchange.requestHeader("Origin") != null
                && exchange.requestHeader("Access-Control-Request-Method") != null) {
            String answer = exchange.status() == 204 ? "CorsPreflight" : exchange.status() == 403 ? "CorsRejected" : null;
            if (answer == null) {
                violations.add("a CORS preflight answers 204 or 403, not " + exchange.status());
            } else {
                checkAnswer(exchange, "/components/responses/" + answer, violations);
            }
            return violations;
        }
        Match match = match(path);
        if (match == null) {
            if (exchange.status() != 404) {
                violations.add("undocumented route " + path + " answered " + exchange.status()
                        + " (a path the document does not list must answer 404 not_found)");
                return violations;
            }
            checkAnswer(exchange, "/components/responses/NotFound", violations);
            return violations;
        }
        JsonNode pathItem = document.path("paths").path(match.template);
        String operationPointer = "/paths/" + escape(match.template) + "/" + ("head".equals(method) ? "get" : method);
        if (!pathItem.has(method) && !("head".equals(method) && pathItem.has("get"))) {
            if (exchange.status() != 405) {
                violations.add("undocumented operation " + exchange.method() + " " + match.template + " answered " + exchange.status()
                        + " (a method the path does not list must answer 405 method_not_allowed)");
                return violations;
            }
            checkAnswer(exchange, "/components/responses/MethodNotAllowed", violations);
            String allow = String.valueOf(exchange.responseHeader("Allow")).toUpperCase(Locale.ROOT);
            pathItem.fieldNames().forEachRemaining(name -> {
                if (METHODS.contains(name) && !allow.contains(name.toUpperCase(Locale.ROOT))) {
                    violations.add("Allow (" + allow + ") does not name the documented method " + name.toUpperCase(Locale.ROOT));
                }
            });
            return violations;
        }
        List<String> refused = new ArrayList<>();
        checkRequest(exchange, pathItem, operationPointer, match, query, refused);
        if (!refused.isEmpty() && (exchange.status() < 400 || exchange.status() >= 500)) {
            violations.add("a request the document refuses was answered " + exchange.status() + " instead of a 4xx: " + refused);
        }
        JsonNode responses = document.at(operationPointer + "/responses");
        String status = Integer.toString(exchange.status());
        if (!responses.has(status)) {
            violations.add("undocumented status " + status + " for " + exchange.method() + " " + match.template);
            return violations;
        }
        checkAnswer(exchange, operationPointer + "/responses/" + status, violations);
        return violations;
    }

    // ------------------------------------------------------------------ request

    private void checkRequest(HttpExchange exchange, JsonNode pathItem, String operationPointer, Match match, String query,
            List<String> refused) {
        Map<String, List<String>> queryParams;
        try {
            queryParams = queryParameters(query);
        } catch (IllegalArgumentException e) {
            refused.add("undecodable query string");
            queryParams = Map.of();
        }
        List<String> parameterPointers = new ArrayList<>();
        addParameters(pathItem.path("parameters"), "/paths/" + escape(match.template) + "/parameters", parameterPointers);
        addParameters(document.at(operationPointer + "/parameters"), operationPointer + "/parameters", parameterPointers);
        for (String pointer : parameterPointers) {
            JsonNode parameter = document.at(pointer);
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            List<String> values = switch (in) {
                case "path" -> match.variables.containsKey(name) ? List.of(match.variables.get(name)) : List.of();
                case "query" -> queryParams.getOrDefault(name, List.of());
                case "header" -> exchange.requestHeaders().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
                default -> List.of(); // cookies: their content is the server's to judge
            };
            if (values.isEmpty() && parameter.path("required").asBoolean(false)) {
                refused.add("missing required " + in + " parameter " + name);
            }
            for (String value : values) {
                for (String error : validate(pointer + "/schema", TextNode.valueOf(value).toString())) {
                    refused.add(in + " parameter " + name + ": " + error);
                }
            }
        }
        String bodyPointer = resolve(operationPointer + "/requestBody");
        // read as a JSON reader reads bytes (RFC 8259: a byte order mark may be ignored); blank is no body
        String sent = exchange.requestBody().startsWith("\uFEFF") ? exchange.requestBody().substring(1) : exchange.requestBody();
        boolean hasBody = !sent.isBlank();
        if (bodyPointer == null) {
            if (hasBody) {
                refused.add("a body where the operation takes none");
            }
            return;
        }
        JsonNode requestBody = document.at(bodyPointer);
        if (!hasBody) {
            if (requestBody.path("required").asBoolean(false)) {
                refused.add("missing required body");
            }
            return;
        }
        String mediaType = mediaType(exchange.requestHeader("Content-Type"));
        if (mediaType == null || !requestBody.path("content").has(mediaType)) {
            refused.add("body of undocumented media type " + mediaType);
            return;
        }
        String schemaPointer = bodyPointer + "/content/" + escape(mediaType) + "/schema";
        if (JSON_MEDIA.contains(mediaType)) {
            if (!isJson(sent)) {
                refused.add("body is not JSON");
                return;
            }
            validate(schemaPointer, sent).forEach(error -> refused.add("body: " + error));
        }
    }

    private void addParameters(JsonNode list, String pointer, List<String> into) {
        for (int i = 0; i < list.size(); i++) {
            String resolved = resolve(pointer + "/" + i);
            if (resolved != null) {
                into.add(resolved);
            }
        }
    }

    private static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    // ------------------------------------------------------------------ answer

    private void checkAnswer(HttpExchange exchange, String responsePointer, List<String> violations) {
        String pointer = resolve(responsePointer);
        JsonNode response = document.at(pointer);
        Map<String, String> documented = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> headers = response.path("headers").fields();
        while (headers.hasNext()) {
            Map.Entry<String, JsonNode> header = headers.next();
            documented.put(header.getKey().toLowerCase(Locale.ROOT), resolve(pointer + "/headers/" + escape(header.getKey())));
        }
        for (Map.Entry<String, List<String>> header : exchange.responseHeaders().entrySet()) {
            String name = header.getKey();
            if (TRANSPORT.contains(name)) {
                continue;
            }
            String headerPointer = documented.get(name);
            if (headerPointer == null) {
                violations.add("undocumented header " + name + " on " + exchange.status());
                continue;
            }
            for (String value : header.getValue()) {
                validate(headerPointer + "/schema", TextNode.valueOf(value).toString())
                        .forEach(error -> violations.add("header " + name + ": " + error));
            }
        }
        documented.forEach((name, headerPointer) -> {
            if (document.at(headerPointer).path("required").asBoolean(false) && !exchange.responseHeaders().containsKey(name)) {
                violations.add("missing required header " + name + " on " + exchange.status());
            }
        });

        JsonNode content = response.path("content");
        String body = exchange.responseBody();
        if ("HEAD".equalsIgnoreCase(exchange.method())) {
            // the GET's headers without its body
            return;
        }
        String mediaType = mediaType(exchange.responseHeader("Content-Type"));
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) {
                violations.add("a body where the answer documents none");
            }
            return;
        }
        if (mediaType == null || !content.has(mediaType)) {
            violations.add("undocumented media type " + mediaType + " (documented: " + fieldNames(content) + ")");
            return;
        }
        if (JSON_MEDIA.contains(mediaType)) {
            if (!isJson(body)) {
                violations.add("body is not JSON");
                return;
            }
            validate(pointer + "/content/" + escape(mediaType) + "/schema", body).forEach(error -> violations.add("body: " + error));
        } else if (body.isEmpty()) {
            violations.add("empty " + mediaType + " body");
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<String> validate(String schemaPointer, String json) {
        Schema schema = cache.computeIfAbsent(schemaPointer, p -> schemas.getSchema(SchemaLocation.of(BASE + "#" + p)));
        List<String> errors = new ArrayList<>();
        try {
            for (Error error : schema.validate(json, InputFormat.JSON)) {
                errors.add(error.toString());
            }
        } catch (tools.jackson.core.exc.StreamConstraintsException e) {
            // deeper or longer than the validator's own reader takes (the server's reader may take more):
            // such a document cannot be judged here, only by the server
            return errors;
        } catch (RuntimeException e) {
            // the validator's own JSON reader is stricter than ours: its refusal is a refusal
            errors.add("not readable as JSON (" + e.getClass().getSimpleName() + ")");
        }
        return errors;
    }

    /** Follows {@code $ref}s from the node at {@code pointer}; the pointer of what it finally is, or null when absent. */
    private String resolve(String pointer) {
        String current = pointer;
        for (int hops = 0; hops < 10; hops++) {
            JsonNode node = document.at(current);
            if (node.isMissingNode()) {
                return null;
            }
            JsonNode ref = node.get("$ref");
            if (ref == null || !ref.asText().startsWith("#")) {
                return current;
            }
            current = ref.asText().substring(1);
        }
        throw new IllegalStateException("$ref chain too long at " + pointer);
    }

    private Match match(String path) {
        String[] segments = path.split("/", -1);
        Match best = null;
        Iterator<String> templates = document.path("paths").fieldNames();
        while (templates.hasNext()) {
            String template = templates.next();
            String[] parts = template.split("/", -1);
            if (parts.length != segments.length) {
                continue;
            }
            Map<String, String> variables = new LinkedHashMap<>();
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                    if (segments[i].isEmpty()) {
                        matches = false;
                    } else {
                        variables.put(parts[i].substring(1, parts[i].length() - 1), decode(segments[i]));
                    }
                } else if (parts[i].equals(segments[i])) {
                    literals++;
                } else {
                    matches = false;
                }
            }
            if (matches && (best == null || literals > best.literals)) {
                best = new Match(template, variables, literals);
            }
        }
        return best;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return !text.isBlank();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private record Match(String template, Map<String, String> variables, int literals) {
    }
}
