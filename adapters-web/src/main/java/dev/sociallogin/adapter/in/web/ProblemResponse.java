package dev.sociallogin.adapter.in.web;

import org.springframework.http.HttpStatus;

/**
 * The RFC 9457 problem body every error answers, with the contract's machine-readable {@code code};
 * its {@code status} is always the HTTP status it is answered with.
 */
record ProblemResponse(String type, String title, int status, String detail, String code) {

    static ProblemResponse from(WebError error) {
        return new ProblemResponse("about:blank", title(error.status()), error.status(), error.detail(), error.code());
    }

    /** For a status the container answered: our error of that status, else a generic one of that very status. */
    static ProblemResponse ofStatus(int status) {
        WebError error = WebError.ofStatus(status);
        if (error != null) {
            return from(error);
        }
        boolean server = status >= 500;
        return new ProblemResponse("about:blank", title(status), status,
                server ? "The server could not answer this request." : "The request cannot be served.",
                server ? "server_error" : "client_error");
    }

    private static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }
}
