package dev.sociallogin.application.service;

import static dev.sociallogin.application.service.TestBed.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.application.port.in.LoginResult;
import dev.sociallogin.application.port.in.LogoutCommand;
import dev.sociallogin.application.port.in.LogoutScope;
import dev.sociallogin.application.port.in.ProvidersQuery;
import dev.sociallogin.application.port.in.PurgeResult;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.ProviderName;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.port.out.IdentityProviders;
import dev.sociallogin.testfixtures.fake.FakeIdentityProvider;
import dev.sociallogin.testfixtures.fake.FakeStorageHealth;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The services that only delegate: provider list, purge, health. */
class SmallServicesTest {

    private final TestBed bed = new TestBed();

    @Test
    void givenProviders_enabledProviders_listsThemAlphabetically() {
        IdentityProviders providers = new IdentityProviders(List.of(
                new FakeIdentityProvider(new ProviderName("naver")), new FakeIdentityProvider(ProviderName.KAKAO),
                new FakeIdentityProvider(new ProviderName("google"))));

        assertThat(new ListProvidersService(providers).enabledProviders(new ProvidersQuery(false)))
                .extracting(ProviderName::value).containsExactly("google", "kakao", "naver");
        assertThat(new ListProvidersService(new IdentityProviders(List.of())).enabledProviders(new ProvidersQuery(true))).isEmpty();
    }

    @Test
    void givenExpiredTokensAndEntries_purgeExpired_deletesThemAtTheClocksNow() {
        LoginResult expiring = bed.logIn();
        bed.logout.logout(new LogoutCommand(LogoutScope.LOCAL, expiring.tokens().access().value(), null));
        bed.clock.advance(Duration.ofDays(6));
        LoginResult live = bed.logIn();
        bed.denylist.deny(TokenId.random(), bed.clock.instant().plus(Duration.ofHours(1)));
        bed.clock.advance(Duration.ofDays(1).plusSeconds(1));
        PurgeExpiredService service = new PurgeExpiredService(bed.refreshTokens, bed.denylist, bed.clock);

        PurgeResult result = service.purgeExpired();

        // denied: the access token, its session (the logout ended it) and the hand-made entry
        assertThat(result).isEqualTo(new PurgeResult(1, 3));
        assertThat(bed.refreshTokens.find(expiring.tokens().refresh().claims().id())).isEmpty();
        assertThat(bed.refreshTokens.find(live.tokens().refresh().claims().id())).isPresent();
        assertThat(service.purgeExpired()).isEqualTo(new PurgeResult(0, 0));
    }

    @Test
    void givenStorageUpOrDown_isHealthy_followsIt() {
        FakeStorageHealth health = new FakeStorageHealth(bed.outage);
        CheckHealthService service = new CheckHealthService(health);

        assertThat(service.isHealthy()).isTrue();
        bed.outage.begin();
        assertThat(service.isHealthy()).isFalse();
        bed.outage.end();
        assertThat(service.isHealthy()).isTrue();
    }
}
