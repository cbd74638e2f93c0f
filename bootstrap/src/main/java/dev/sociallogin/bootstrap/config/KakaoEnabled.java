package dev.sociallogin.bootstrap.config;

import dev.sociallogin.bootstrap.settings.Settings;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when the context's {@link Settings} carry a Kakao client id. */
final class KakaoEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return context.getBeanFactory() != null
                && context.getBeanFactory().getBean(Settings.class).kakaoClientId().isPresent();
    }
}
