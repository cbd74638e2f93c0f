package dev.sociallogin.adapter.in.web;

/** The RFC 9457 problem body every error answers, with the contract's machine-readable {@code code}. */
record ProblemResponse(String type, String title, int status, String detail, String code) {

    static ProblemResponse from(WebError error) {
        return new ProblemResponse("about:blank", reasonPhrase(error.status()), error.status(), error.detail(), error.code());
    }

    private static String reasonPhrase(int status) {
        switch (status) {
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 406:
                return "Not Acceptable";
            case 413:
                return "Content Too Large";
            case 415:
                return "Unsupported Media Type";
            case 502:
                return "Bad Gateway";
            case 503:
                return "Service Unavailable";
            default:
                return "Internal Server Error";
        }
    }
}
