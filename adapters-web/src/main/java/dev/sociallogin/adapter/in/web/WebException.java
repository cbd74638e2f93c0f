package dev.sociallogin.adapter.in.web;

/** An error the HTTP adapter itself detects (a bad state, a malformed body); carries no input. */
final class WebException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient WebError error;

    WebException(WebError error) {
        super(error.code(), null, false, false);
        this.error = error;
    }

    WebError error() {
        return error;
    }
}
