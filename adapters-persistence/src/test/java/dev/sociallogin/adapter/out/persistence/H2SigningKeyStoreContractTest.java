package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.testfixtures.contract.SigningKeyStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared {@link SigningKeyStoreContract} on the embedded H2 file database (MySQL mode), with two
 * pools on the one database file standing for two instances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2SigningKeyStoreContractTest extends SigningKeyStoreContract {

    @TempDir
    static Path dataDir;

    private final LazyPersistence db = new LazyPersistence(() -> PersistenceSettings.embedded(dataDir));
    private final LazyPersistence other = new LazyPersistence(() -> PersistenceSettings.embedded(dataDir));

    @AfterAll
    void close() {
        other.close();
        db.close();
    }

    @Override
    protected SigningKeyStore store() {
        return db.get().signingKeys();
    }

    @Override
    protected SigningKeyStore otherStore() {
        return other.get().signingKeys();
    }
}
