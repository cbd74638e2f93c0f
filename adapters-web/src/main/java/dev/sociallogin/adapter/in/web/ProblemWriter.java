package dev.sociallogin.adapter.in.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a problem body straight to a servlet response, for what answers before or outside Spring MVC. */
final class ProblemWriter {

    static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper mapper;

    ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Writes the problem unless the response is already committed; returns whether it did. */
    boolean write(HttpServletResponse response, WebError error) throws IOException {
        if (response.isCommitted()) {
            return false;
        }
        response.resetBuffer();
        response.setStatus(error.status());
        response.setContentType(PROBLEM_JSON);
        response.setHeader("Cache-Control", "no-store");
        byte[] body = bytes(error);
        response.setContentLength(body.length);
        OutputStream out = response.getOutputStream();
        out.write(body);
        out.flush();
        return true;
    }

    byte[] bytes(WebError error) throws IOException {
        return bytes(ProblemResponse.from(error));
    }

    byte[] bytes(ProblemResponse problem) throws IOException {
        return mapper.writeValueAsBytes(problem);
    }
}
