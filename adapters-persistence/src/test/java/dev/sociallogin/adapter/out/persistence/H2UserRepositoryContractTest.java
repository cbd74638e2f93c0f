package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.port.out.UserRepository;
import dev.sociallogin.testfixtures.contract.UserRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The shared {@link UserRepositoryContract} on the embedded H2 file database (MySQL mode). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2UserRepositoryContractTest extends UserRepositoryContract {

    @TempDir
    static Path dataDir;

    private final LazyPersistence db = new LazyPersistence(() -> PersistenceSettings.embedded(dataDir));

    @AfterAll
    void close() {
        db.close();
    }

    @Override
    protected UserRepository repository() {
        return db.get().users();
    }
}
