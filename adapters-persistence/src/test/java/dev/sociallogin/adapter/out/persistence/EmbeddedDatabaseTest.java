package dev.sociallogin.adapter.out.persistence;

import static dev.sociallogin.adapter.out.persistence.TestData.aFirstToken;
import static dev.sociallogin.adapter.out.persistence.TestData.aNewUser;
import static dev.sociallogin.adapter.out.persistence.TestData.aUserId;
import static dev.sociallogin.adapter.out.persistence.TestData.anIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.User;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default without any database configured: a file under AUTH_DATA_DIR that outlives a restart. */
class EmbeddedDatabaseTest {

    @TempDir
    Path tmp;

    @Test
    void givenNoDataDirYet_openWriteCloseReopen_keepsEverythingInTheFile() throws Exception {
        Path dataDir = tmp.resolve("data").resolve("nested");
        SocialIdentity identity = anIdentity();
        StoredRefreshToken token = aFirstToken(aUserId(), Instant.now().truncatedTo(ChronoUnit.SECONDS), Duration.ofDays(7));
        TokenId denied = TokenId.random();
        User user;
        try (Persistence first = Persistence.open(PersistenceSettings.embedded(dataDir), Clock.systemUTC())) {
            user = first.users().register(aNewUser(identity)).user();
            first.refreshTokens().saveNewFamily(token);
            first.accessTokenDenylist().deny(denied, Instant.now().plus(Duration.ofHours(1)));
        }
        assertThat(Files.exists(dataDir.resolve(PersistenceSettings.EMBEDDED_DB_NAME + ".mv.db"))).isTrue();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // the directories it created hold every user and token: nobody else may even list them
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.getParent()))).isEqualTo("rwx------");
        }

        try (Persistence second = Persistence.open(PersistenceSettings.embedded(dataDir), Clock.systemUTC())) {
            assertThat(second.users().findByIdentity(identity)).contains(user);
            assertThat(second.refreshTokens().find(token.id())).contains(token);
            assertThat(second.accessTokenDenylist().isDenied(denied)).as("loaded at start").isTrue();
            assertThat(SchemaMigration.migrate(PersistenceSettings.embedded(dataDir))).isZero();
        }
    }
}
