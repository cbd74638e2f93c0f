package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON in and out with Jackson 2. Requests are read only as a {@link JsonBody} tree, so the
 * controllers check every field's type themselves (a number where a string belongs is a 400, not a
 * silent coercion); responses are our records and maps.
 */
final class JsonConverter extends AbstractHttpMessageConverter<Object> {

    private final ObjectMapper mapper;

    JsonConverter(ObjectMapper mapper) {
        super(StandardCharsets.UTF_8, MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        this.mapper = mapper;
    }

    static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return true;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return clazz == JsonBody.class && canRead(mediaType);
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) throws IOException {
        try {
            JsonNode node = mapper.readTree(inputMessage.getBody());
            if (node == null || node.isMissingNode()) {
                throw new HttpMessageNotReadableException("empty JSON body", inputMessage);
            }
            return new JsonBody(node);
        } catch (JsonProcessingException e) {
            // the parser's message quotes the input: keep it out of anything that could be shown or logged
            throw new HttpMessageNotReadableException("malformed JSON body", inputMessage);
        }
    }

    @Override
    protected void writeInternal(Object value, HttpOutputMessage outputMessage) throws IOException {
        mapper.writeValue(outputMessage.getBody(), value);
    }
}
