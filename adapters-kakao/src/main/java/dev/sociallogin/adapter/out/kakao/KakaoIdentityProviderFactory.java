package dev.sociallogin.adapter.out.kakao;

import dev.sociallogin.domain.port.out.IdentityProvider;
import dev.sociallogin.domain.port.out.IdentityProviderFactory;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/** Kakao login, enabled when {@code KAKAO_CLIENT_ID} is set; found by bootstrap through {@link java.util.ServiceLoader}. */
public final class KakaoIdentityProviderFactory implements IdentityProviderFactory {

    @Override
    public List<IdentityProvider> create(Function<String, String> variables, Clock clock) {
        return KakaoSettings.from(variables).<IdentityProvider>map(KakaoIdentityProvider::new).map(List::of).orElse(List.of());
    }
}
