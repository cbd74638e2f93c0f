package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.in.web.WebUseCases;
import dev.sociallogin.application.port.in.AuthorizationUrlUseCase;
import dev.sociallogin.application.port.in.CheckHealthUseCase;
import dev.sociallogin.application.port.in.GetCurrentUserUseCase;
import dev.sociallogin.application.port.in.ListProvidersUseCase;
import dev.sociallogin.application.port.in.LogInWithProviderUseCase;
import dev.sociallogin.application.port.in.LogoutUseCase;
import dev.sociallogin.application.port.in.RefreshTokensUseCase;
import dev.sociallogin.application.port.in.VerifyTokenUseCase;
import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;

/**
 * Lets the HTTP server start while the database migrates and the other adapters come up (start-up
 * runs in parallel on both cores): the server gets use cases that wait for the real ones, which
 * are handed over once the context has finished starting. A request arriving earlier waits (at
 * most {@link #MAX_WAIT}, then 503 unavailable) instead of failing.
 */
public final class WebGate {

    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final CompletableFuture<WebUseCases> ready = new CompletableFuture<>();

    /** Hands the real use cases of the started context to the waiting server. */
    public void open(ApplicationContext context) {
        ready.complete(new WebUseCases(context.getBean(LogInWithProviderUseCase.class), context.getBean(AuthorizationUrlUseCase.class),
                context.getBean(ListProvidersUseCase.class), context.getBean(RefreshTokensUseCase.class),
                context.getBean(LogoutUseCase.class), context.getBean(GetCurrentUserUseCase.class),
                context.getBean(VerifyTokenUseCase.class), context.getBean(CheckHealthUseCase.class), context.getBean(Clock.class)));
    }

    /** Start-up failed: waiting requests answer 503 while the service shuts down. */
    public void fail(Throwable cause) {
        ready.completeExceptionally(cause);
    }

    /** An implementation of {@code type} that forwards every call to the real use case once open. */
    <T> T deferred(Class<T> type, Function<WebUseCases, T> select) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return "Deferred[" + type.getSimpleName() + "]";
                }
            }
            T target = select.apply(await());
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private WebUseCases await() {
        try {
            return ready.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException(ErrorCode.STORAGE_UNAVAILABLE, "interrupted while the service was starting");
        } catch (ExecutionException | TimeoutException e) {
            throw new DomainException(ErrorCode.STORAGE_UNAVAILABLE, "the service is not ready");
        }
    }
}
