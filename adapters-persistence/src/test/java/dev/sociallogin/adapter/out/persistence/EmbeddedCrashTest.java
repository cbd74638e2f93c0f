package dev.sociallogin.adapter.out.persistence;

import static dev.sociallogin.adapter.out.persistence.TestData.aFirstToken;
import static dev.sociallogin.adapter.out.persistence.TestData.aNewUser;
import static dev.sociallogin.adapter.out.persistence.TestData.aSuccessor;
import static dev.sociallogin.adapter.out.persistence.TestData.anIdentity;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.User;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database stopped the way {@code kill -9} stops it: H2's {@code SHUTDOWN IMMEDIATELY}
 * closes the file without writing what is still only in memory, and what the OS already has stays
 * (as after a killed process). Whatever a port call returned before that must be there after a
 * reopen, and an id handed out before is never handed out again. CrashRecoveryIT does the same
 * with the packaged service and a real SIGKILL.
 */
class EmbeddedCrashTest {

    private static final Duration TTL = Duration.ofDays(7);

    @TempDir
    Path dataDir;

    @Test
    void givenWritesThatReturned_crashAndReopen_keepsUsersAndRotations() {
        List<SocialIdentity> identities = new ArrayList<>();
        List<User> users = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StoredRefreshToken first;
        StoredRefreshToken successor;
        try (Persistence before = open()) {
            for (int i = 0; i < 5; i++) {
                SocialIdentity identity = anIdentity();
                identities.add(identity);
                users.add(before.users().register(aNewUser(identity)).user());
            }
            first = aFirstToken(users.get(0).id(), now, TTL);
            before.refreshTokens().saveNewFamily(first);
            successor = aSuccessor(first, now.plusSeconds(1), TTL);
            assertThat(before.refreshTokens().rotate(first.id(), successor, now.plusSeconds(1))).isTrue();
            crash(before);
        }

        try (Persistence after = open()) {
            for (int i = 0; i < users.size(); i++) {
                assertThat(after.users().findByIdentity(identities.get(i))).as("user %s after the crash", i).contains(users.get(i));
            }
            assertThat(after.refreshTokens().find(first.id())).as("the rotated-away token").hasValueSatisfying(
                    stored -> assertThat(stored.replacedBy()).isEqualTo(successor.id()));
            assertThat(after.refreshTokens().find(successor.id())).as("the successor").isPresent();
            assertThat(after.refreshTokens().rotate(first.id(), aSuccessor(first, now.plusSeconds(2), TTL), now.plusSeconds(2)))
                    .as("a rotated token is never valid again").isFalse();
        }
    }

    @Test
    void givenCrashes_registerAfterEach_neverHandsOutAnIdAgain() {
        List<Long> ids = new ArrayList<>();
        for (int crash = 0; crash < 3; crash++) {
            try (Persistence persistence = open()) {
                for (int i = 0; i < 3; i++) {
                    long id = persistence.users().register(aNewUser(anIdentity())).user().id().value();
                    assertThat(ids).as("ids handed out before").doesNotContain(id);
                    ids.add(id);
                }
                crash(persistence);
            }
        }
        try (Persistence persistence = open()) {
            for (long id : ids) {
                assertThat(persistence.users().findById(new dev.sociallogin.domain.model.UserId(id))).as("user %s", id).isPresent();
            }
        }
    }

    private Persistence open() {
        return Persistence.open(PersistenceSettings.embedded(dataDir), Clock.systemUTC());
    }

    /** Stops the database as a killed process would: nothing more is written. */
    private static void crash(Persistence persistence) {
        try (Connection connection = persistence.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException expected) {
            // the connection dies with the database
        }
    }
}
