package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.port.out.UserRepository;
import dev.sociallogin.testfixtures.contract.UserRepositoryContract;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** The shared {@link UserRepositoryContract} on the real MySQL-compatible server (see {@link MariaDb}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbUserRepositoryContractIT extends UserRepositoryContract {

    private Persistence persistence;

    @BeforeEach
    void open() {
        // per test, not @BeforeAll: an unreachable server then shows every test as skipped
        if (persistence == null) {
            persistence = Persistence.open(MariaDb.settings(), Clock.systemUTC());
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
