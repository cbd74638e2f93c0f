/**
 * The HTTP adapter: the v1 API of {@code shared/api-contract.md} served by Spring Web MVC on an
 * embedded Tomcat. Bootstrap sees three public types and nothing of Tomcat or Spring MVC:
 *
 * <pre>{@code
 * WebSettings settings = new WebSettings(port, cookieSecure, "None", cookieDomain, tokensInBody,
 *         corsAllowedOrigins, loginRedirectUrl, WebSettings.DEFAULT_MAX_BODY_BYTES, WebSettings.DEFAULT_SHUTDOWN_GRACE);
 * WebUseCases useCases = new WebUseCases(logIn, authorizationUrl, listProviders, refresh, logout,
 *         currentUser, verify, health, clock);
 * WebServer server = new WebServer(settings, useCases).start();   // IllegalStateException: port taken
 * Runtime.getRuntime().addShutdownHook(new Thread(server::close));  // graceful: drains in-flight requests
 * }</pre>
 *
 * <p>Inside: {@link dev.sociallogin.adapter.in.web.WebServer} puts three filters in front of the
 * DispatcherServlet (request log and last-resort error answer; body limit; CORS and CSRF), the
 * controllers call only the use-case interfaces of {@code application.port.in}, and one mapper
 * ({@code ProblemAdvice}, with {@code ProblemWriter} for the filters and a Tomcat error valve for
 * what never reaches a servlet) turns every failure into {@code application/problem+json}.
 */
package dev.sociallogin.adapter.in.web;
