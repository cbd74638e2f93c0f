package dev.sociallogin.testfixtures.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void givenClock_setAndAdvance_moveItsInstantAndZoneViewsFollow() {
        MutableClock clock = MutableClock.at(Instant.parse("2026-11-27T10:00:00Z"));
        Clock seoul = clock.withZone(ZoneId.of("Asia/Seoul"));

        assertThat(clock.advance(Duration.ofSeconds(90))).isEqualTo(Instant.parse("2026-11-27T10:01:30Z"));
        assertThat(seoul.instant()).isEqualTo(Instant.parse("2026-11-27T10:01:30Z"));
        assertThat(seoul.getZone()).isEqualTo(ZoneId.of("Asia/Seoul"));

        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(seoul.millis()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void givenManyThreadsAdvancing_advance_losesNoUpdate() throws InterruptedException {
        MutableClock clock = MutableClock.at(Instant.EPOCH);
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    clock.advance(Duration.ofSeconds(1));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusSeconds(8000));
    }
}
