/**
 * The HTTP adapter: the API of {@code ../shared/api-contract.md} (in the repository: {@code
 * docs/api.md}, and the OpenAPI document {@code src/main/resources/openapi.json}) served by Spring Web
 * MVC on an embedded Tomcat. Bootstrap sees three public types:
 *
 * <pre>{@code
 * WebServer server = WebServer.start(WebSettings.from(variables), RateLimitSettings.from(variables), meterRegistry,
 *         applicationContext);                                 // its beans: the use cases, a Clock
 * server.ready();                                              // start-up done: /health/ready may say UP
 * server.close();                                              // graceful: drains in-flight requests
 * }</pre>
 *
 * <p>Inside: {@link dev.sociallogin.adapter.in.web.EmbeddedTomcat} runs the server (connector,
 * request id valve, error valve, graceful stop); {@code WebServer} puts four filters in front of the
 * DispatcherServlet (request log and meters; CORS; per-client rate limits; the body buffer that reads
 * bodies without holding a worker);
 * {@code WebMvcConfig} builds the controllers, which call only the use-case interfaces of
 * {@code application.port.in}; one mapper ({@code ProblemAdvice}, with {@code ProblemWriter} for the
 * filters and a Tomcat error valve for what never reaches a servlet) turns every failure into
 * {@code application/problem+json}.
 */
package dev.sociallogin.adapter.in.web;
