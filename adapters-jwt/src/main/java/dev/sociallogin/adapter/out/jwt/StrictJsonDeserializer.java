package dev.sociallogin.adapter.out.jwt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jsonwebtoken.io.AbstractDeserializer;
import io.jsonwebtoken.io.DeserializationException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JWT header or payload more strictly than jjwt's default binding, which keeps the last of
 * duplicated keys' values (one part could then be read two ways), ignores content after the JSON
 * object, and turns a string or fractional {@code exp}/{@code iat}/{@code nbf} into a date: here a
 * duplicated key, trailing content, or a NumericDate that is not a JSON integer is refused.
 * Messages name no values from the input.
 */
final class StrictJsonDeserializer extends AbstractDeserializer<Map<String, ?>> {

    /** Claims (and, harmlessly, header parameters) that RFC 7519 defines as NumericDate. */
    private static final List<String> NUMERIC_DATES = List.of("exp", "iat", "nbf");

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    @Override
    protected Map<String, ?> doDeserialize(Reader reader) throws Exception {
        Map<String, Object> map;
        try {
            map = mapper.readValue(reader, MAP);
        } catch (Exception notJson) {
            // Jackson's message may quote the input; keep only what kind of failure it was
            throw new DeserializationException("not a strict JSON object (" + notJson.getClass().getSimpleName() + ")");
        }
        if (map == null) {
            throw new DeserializationException("not a JSON object");
        }
        for (String name : NUMERIC_DATES) {
            Object value = map.get(name);
            if (value != null && !(value instanceof Integer) && !(value instanceof Long)) {
                throw new DeserializationException("'" + name + "' is not a JSON integer");
            }
        }
        return map;
    }
}
