package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.testfixtures.contract.AccessTokenDenylistContract;
import java.time.Clock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** The shared {@link AccessTokenDenylistContract} on the embedded H2 file database (MySQL mode). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2AccessTokenDenylistContractTest extends AccessTokenDenylistContract {

    @TempDir
    static Path dataDir;

    private Persistence persistence;

    @BeforeEach
    void open() {
        // per test, not @BeforeAll: an unreachable server then shows every test as skipped
        if (persistence == null) {
            persistence = Persistence.open(PersistenceSettings.embedded(dataDir), Clock.systemUTC());
        }
    }

    @AfterAll
    void close() {
        if (persistence != null) {
            persistence.close();
        }
    }

    @Override
    protected AccessTokenDenylist denylist() {
        return persistence.accessTokenDenylist();
    }
}
