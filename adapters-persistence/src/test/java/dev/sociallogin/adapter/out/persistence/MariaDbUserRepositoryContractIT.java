package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.port.out.UserRepository;
import dev.sociallogin.testfixtures.contract.UserRepositoryContract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The shared {@link UserRepositoryContract} on the real MySQL-compatible server (see {@link MariaDb}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbUserRepositoryContractIT extends UserRepositoryContract {

    private final LazyPersistence db = new LazyPersistence(() -> MariaDb.settings());

    @AfterAll
    void close() {
        db.close();
    }

    @Override
    protected UserRepository repository() {
        return db.get().users();
    }
}
