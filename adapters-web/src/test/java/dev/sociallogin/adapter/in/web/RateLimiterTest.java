package dev.sociallogin.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sociallogin.settings.InvalidSettingException;
import dev.sociallogin.testfixtures.fake.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The limiter, its settings and the client key, without HTTP. */
class RateLimiterTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-11-27T10:00:00Z"));

    @Test
    void givenCapacityUsed_tryAcquire_saysHowManySecondsUntilTheNextToken() {
        RateLimiter limiter = new RateLimiter(new RateLimit(2, Duration.ofSeconds(10)), 100, clock);

        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).hasValue(5);
        assertThat(limiter.tryAcquire("b")).isEmpty();
        clock.advance(Duration.ofMillis(4_001));
        assertThat(limiter.tryAcquire("a")).hasValue(1);
        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).hasValue(5);
    }

    /** A million distinct clients: the buckets held never pass the bound (the default one, 50,000). */
    @Test
    void givenAMillionDistinctClients_theBucketsHeldStayAtTheBound() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        RateLimiter limiter = new RateLimiter(new RateLimit(30, Duration.ofMinutes(5)), RateLimitSettings.DEFAULT_MAX_CLIENTS, clock);

        for (int i = 0; i < 1_000_000; i++) {
            OptionalLong wait = limiter.tryAcquire("10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff) + "/" + (i >> 24));
            assertThat(wait).isEmpty();
            if (i % 200_000 == 0) {
                assertThat(limiter.clients()).isLessThanOrEqualTo(RateLimitSettings.DEFAULT_MAX_CLIENTS);
            }
        }

        assertThat(limiter.clients()).isLessThanOrEqualTo(RateLimitSettings.DEFAULT_MAX_CLIENTS);
        System.gc();
        long held = runtime.totalMemory() - runtime.freeMemory() - before;
        // a figure for the documentation, not a check: the JVM's accounting is approximate
        org.slf4j.LoggerFactory.getLogger(RateLimiterTest.class).info("1,000,000 clients: {} buckets held, about {} MB ({} bytes each)",
                limiter.clients(), held >> 20, held / Math.max(1, limiter.clients()));
    }

    @Test
    void rateLimit_parsesRequestsPerWindowOrOff() {
        assertThat(RateLimit.parse("30/5m")).contains(new RateLimit(30, Duration.ofMinutes(5)));
        assertThat(RateLimit.parse("150/5m")).contains(new RateLimit(150, Duration.ofMinutes(5)));
        assertThat(RateLimit.parse("10/s")).contains(new RateLimit(10, Duration.ofSeconds(1)));
        assertThat(RateLimit.parse(" 2/1H ")).contains(new RateLimit(2, Duration.ofHours(1)));
        assertThat(RateLimit.parse("1/1d")).contains(new RateLimit(1, Duration.ofDays(1)));
        assertThat(RateLimit.parse("OFF")).isEmpty();
    }

    @Test
    void settings_refuseBadValuesNamingTheVariable() {
        for (String bad : new String[] {"30", "30/5", "0/5m", "30/0m", "-1/5m", "30/5w", "30/2d", "lots"}) {
            InvalidSettingException e = catchThrowableOfType(InvalidSettingException.class,
                    () -> RateLimitSettings.from(Map.of("AUTH_RATE_LIMIT_LOGIN", bad)::get));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.variable()).isEqualTo("AUTH_RATE_LIMIT_LOGIN");
        }
        assertThat(catchThrowableOfType(InvalidSettingException.class,
                () -> RateLimitSettings.from(Map.of("AUTH_RATE_LIMIT_REFRESH", "x")::get)).variable()).isEqualTo("AUTH_RATE_LIMIT_REFRESH");
        for (String bad : new String[] {"10.0.0.0/33", "proxy.example", "10.0.0/8", "::1/129", "10.0.0.0/x"}) {
            assertThat(catchThrowableOfType(InvalidSettingException.class,
                    () -> RateLimitSettings.from(Map.of("AUTH_TRUSTED_PROXIES", bad)::get)).variable()).as(bad)
                    .isEqualTo("AUTH_TRUSTED_PROXIES");
        }
        RateLimitSettings defaults = RateLimitSettings.from(Map.<String, String>of()::get);
        assertThat(defaults.login()).contains(new RateLimit(30, Duration.ofMinutes(5)));
        assertThat(defaults.refresh()).contains(new RateLimit(150, Duration.ofMinutes(5)));
        assertThat(defaults.trustedProxies()).isEmpty();
        assertThat(RateLimitSettings.from(Map.of("AUTH_RATE_LIMIT_LOGIN", "off", "AUTH_RATE_LIMIT_REFRESH", "off")::get).login()).isEmpty();
    }

    @Test
    void ipRanges_matchTheirFamilyAndPrefixOnly() throws Exception {
        IpRange v4 = IpRange.parse("10.1.0.0/16");
        IpRange v6 = IpRange.parse("2001:db8::/32");
        IpRange odd = IpRange.parse("192.168.1.128/25");

        assertThat(v4.contains(InetAddress.getByName("10.1.255.3"))).isTrue();
        assertThat(v4.contains(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(v4.contains(InetAddress.getByName("::ffff:10.1.0.1"))).isTrue();
        assertThat(v6.contains(InetAddress.getByName("2001:db8:ffff::1"))).isTrue();
        assertThat(v6.contains(InetAddress.getByName("2001:db9::1"))).isFalse();
        assertThat(v6.contains(InetAddress.getByName("10.1.0.1"))).isFalse();
        assertThat(odd.contains(InetAddress.getByName("192.168.1.200"))).isTrue();
        assertThat(odd.contains(InetAddress.getByName("192.168.1.100"))).isFalse();
        assertThat(IpRange.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1"))).isTrue();
    }

    @Test
    void ipAddresses_parseLiteralsOnly_neverAHostName() {
        assertThat(IpAddresses.parse("localhost")).isEmpty();
        assertThat(IpAddresses.parse("example.com")).isEmpty();
        assertThat(IpAddresses.parse("256.1.1.1")).isEmpty();
        assertThat(IpAddresses.parse("1.2.3")).isEmpty();
        assertThat(IpAddresses.parse("01.2.3.4")).isEmpty();
        assertThat(IpAddresses.parseHop(" 192.0.2.1:4711 ")).map(InetAddress::getHostAddress).contains("192.0.2.1");
        assertThat(IpAddresses.parseHop("[2001:db8::1]:4711")).map(InetAddress::getHostAddress).contains("2001:db8:0:0:0:0:0:1");
        assertThat(IpAddresses.parseHop("2001:db8::1")).map(InetAddress::getHostAddress).contains("2001:db8:0:0:0:0:0:1");
        assertThat(IpAddresses.parseHop("unknown")).isEmpty();
    }

    @Test
    void clientKey_isTheIpv4AddressOrTheIpv6Slash64() throws Exception {
        assertThat(ClientAddress.key(InetAddress.getByName("192.0.2.7"))).isEqualTo("192.0.2.7");
        assertThat(ClientAddress.key(InetAddress.getByName("2001:db8:1:2:3:4:5:6")))
                .isEqualTo(ClientAddress.key(InetAddress.getByName("2001:db8:1:2::ffff")))
                .isNotEqualTo(ClientAddress.key(InetAddress.getByName("2001:db8:1:3::1")));
    }
}
