package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * JSON in and out with Jackson 2. Requests are read into the records of {@link RequestBodies}
 * strictly: no duplicated keys, no trailing content, no coercion of a number or boolean into a
 * string; responses are our records and maps.
 */
final class JsonConverter extends AbstractHttpMessageConverter<Object> {

    private final ObjectMapper mapper;

    JsonConverter(ObjectMapper mapper) {
        super(StandardCharsets.UTF_8, MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        this.mapper = mapper;
    }

    static ObjectMapper newMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return true;
    }

    /**
     * Only {@code application/json} bodies (the contract and the OpenAPI document say so): another
     * {@code +json} type such as {@code application/problem+json} is 415 like any other type.
     */
    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return clazz.isRecord() && clazz.getEnclosingClass() == RequestBodies.class
                && (mediaType == null || MediaType.APPLICATION_JSON.equalsTypeAndSubtype(mediaType));
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage inputMessage) throws IOException {
        try {
            return mapper.readValue(inputMessage.getBody(), clazz);
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
