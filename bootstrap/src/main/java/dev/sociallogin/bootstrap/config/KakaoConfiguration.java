package dev.sociallogin.bootstrap.config;

import dev.sociallogin.adapter.out.kakao.KakaoIdentityProvider;
import dev.sociallogin.adapter.out.kakao.KakaoSettings;
import dev.sociallogin.bootstrap.settings.ConfigurationException;
import dev.sociallogin.bootstrap.settings.Settings;
import dev.sociallogin.domain.port.out.IdentityProvider;
import java.util.concurrent.ExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** Kakao login, registered only when {@code KAKAO_CLIENT_ID} is set. */
@Configuration(proxyBeanMethods = false)
public class KakaoConfiguration {

    /** Builds the HTTP client (and loads its libraries) on a bootstrap thread. */
    @Bean
    @Conditional(KakaoEnabled.class)
    Startup<KakaoIdentityProvider> kakaoStartup(Settings settings, ExecutorService bootstrapExecutor) {
        return Startup.begin(bootstrapExecutor, () -> kakao(settings));
    }

    // lazy: taken once the HTTP server has started; the work itself began in the startup bean
    @Lazy
    @Bean
    @Conditional(KakaoEnabled.class)
    IdentityProvider kakaoIdentityProvider(Startup<KakaoIdentityProvider> kakaoStartup) {
        return kakaoStartup.await();
    }

    private static KakaoIdentityProvider kakao(Settings settings) {
        KakaoSettings kakao;
        try {
            kakao = KakaoSettings.of(settings.kakaoClientId().orElseThrow(), settings.kakaoClientSecret().orElse(null),
                    settings.kakaoAppId().orElse(null), settings.kakaoRedirectUri().toString(),
                    settings.kakaoAuthBaseUrl().toString(), settings.kakaoApiBaseUrl().toString());
        } catch (IllegalArgumentException e) {
            // KakaoSettings names the variable first and never echoes a value
            String message = e.getMessage() == null ? "KAKAO_CLIENT_ID is unusable" : e.getMessage();
            int space = message.indexOf(' ');
            String variable = space > 0 && message.startsWith("KAKAO_") ? message.substring(0, space) : Settings.KAKAO_CLIENT_ID;
            throw new ConfigurationException(variable, space > 0 ? message.substring(space + 1) : message);
        }
        return new KakaoIdentityProvider(kakao);
    }
}
