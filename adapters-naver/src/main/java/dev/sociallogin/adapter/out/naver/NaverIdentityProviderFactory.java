package dev.sociallogin.adapter.out.naver;

import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviderFactory;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/** Naver login, enabled when {@code NAVER_CLIENT_ID} is set; found by bootstrap through {@link java.util.ServiceLoader}. */
public final class NaverIdentityProviderFactory implements IdentityProviderFactory {

    @Override
    public List<IdentityProvider> create(Function<String, String> variables, Clock clock) {
        return NaverSettings.from(variables).<IdentityProvider>map(NaverIdentityProvider::new).map(List::of).orElse(List.of());
    }
}
