package dev.sociallogin.benchmarks;

import dev.sociallogin.benchmarks.HttpConnection.Response;

/**
 * An answer that was not 2xx/3xx (or not what the flow needs), keyed for the error table as
 * {@code <step> <status> <problem code>}, e.g. {@code callback 502 provider_unavailable}. No stack
 * trace: under load it is counted, not debugged.
 */
final class Failure extends Exception {

    private static final long serialVersionUID = 1L;

    Failure(String key) {
        super(key, null, false, false);
    }

    static Failure of(String step, Response response) {
        String code = Logins.field(response.bodyText(), "code");
        return new Failure(step + " " + response.status() + (code == null ? "" : " " + code));
    }

    String key() {
        return getMessage();
    }
}
