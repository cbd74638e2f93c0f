package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.port.out.UserRepository;
import dev.sociallogin.testfixtures.contract.UserRepositoryContract;
import java.time.Clock;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** The shared {@link UserRepositoryContract} on the embedded H2 file database (MySQL mode). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2UserRepositoryContractTest extends UserRepositoryContract {

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
    protected UserRepository repository() {
        return persistence.users();
    }
}
