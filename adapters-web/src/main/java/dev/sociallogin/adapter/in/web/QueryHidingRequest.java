package dev.sociallogin.adapter.in.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Hides the raw query string (an OAuth code, a state) from what runs inside: Spring MVC logs it at
 * DEBUG. Parameters stay readable through {@code getParameter}, which the controllers use.
 */
final class QueryHidingRequest extends HttpServletRequestWrapper {

    QueryHidingRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public String getQueryString() {
        return null;
    }
}
