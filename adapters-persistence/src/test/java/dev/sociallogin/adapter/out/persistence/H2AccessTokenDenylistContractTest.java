package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.testfixtures.contract.AccessTokenDenylistContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The shared {@link AccessTokenDenylistContract} on the embedded H2 file database (MySQL mode). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2AccessTokenDenylistContractTest extends AccessTokenDenylistContract {

    @TempDir
    static Path dataDir;

    private final LazyPersistence db = new LazyPersistence(() -> PersistenceSettings.embedded(dataDir));

    @AfterAll
    void close() {
        db.close();
    }

    @Override
    protected AccessTokenDenylist denylist() {
        return db.get().accessTokenDenylist();
    }
}
