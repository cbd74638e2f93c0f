package dev.sociallogin.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} under load on the default store, the embedded H2 file under AUTH_DATA_DIR: what
 * was answered 200 survives the restart, and no id is handed out twice (see {@link CrashCampaign}).
 * Figures: docs/reliability.md.
 */
class CrashRecoveryIT {

    static final int KILLS = 5;

    @TempDir
    Path dataDir;

    @Test
    void givenEmbeddedStore_killNineUnderLoad_keepsEveryAcknowledgedWriteAndNeverReusesAnId() throws Exception {
        try (KakaoFake kakao = new KakaoFake()) {
            CrashCampaign campaign = new CrashCampaign("embedded H2", Map.of("AUTH_DATA_DIR", dataDir.toString()), kakao,
                    System.nanoTime());

            campaign.run(KILLS);

            assertThat(campaign.violations()).as(campaign.totals().toString()).isEmpty();
            assertThat(campaign.totals().kills()).hasValue(KILLS);
            assertThat(campaign.totals().acknowledgedWrites()).as("acknowledged writes checked").isGreaterThanOrEqualTo(100);
        }
    }
}
