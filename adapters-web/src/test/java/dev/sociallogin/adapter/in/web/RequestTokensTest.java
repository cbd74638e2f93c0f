package dev.sociallogin.adapter.in.web;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import jakarta.servlet.http.HttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTokensTest {

    private static HttpServletRequest withAuthorization(String value) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestTokensTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getHeader") && "Authorization".equals(args[0]) ? value : null);
    }

    @Test
    void bearer_readsTheSchemeCaseInsensitively() {
        assertThat(RequestTokens.bearer(withAuthorization("Bearer abc"))).isEqualTo("abc");
        assertThat(RequestTokens.bearer(withAuthorization("bearer abc"))).isEqualTo("abc");
        assertThat(RequestTokens.bearer(withAuthorization("BEARER   abc  "))).isEqualTo("abc");
        assertThat(RequestTokens.bearer(withAuthorization("Bearer"))).isEmpty();
    }

    @Test
    void bearer_ignoresOtherSchemes() {
        assertThat(RequestTokens.bearer(withAuthorization(null))).isNull();
        assertThat(RequestTokens.bearer(withAuthorization("Basic dXNlcjpwYXNz"))).isNull();
        assertThat(RequestTokens.bearer(withAuthorization("Bearerabc"))).isNull();
        assertThat(RequestTokens.bearer(withAuthorization("Bear"))).isNull();
    }
}
