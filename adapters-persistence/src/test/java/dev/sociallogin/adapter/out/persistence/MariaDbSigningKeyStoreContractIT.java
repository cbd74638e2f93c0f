package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.testfixtures.contract.SigningKeyStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared {@link SigningKeyStoreContract} on the real MySQL-compatible server (see {@link MariaDb}),
 * with two pools standing for two instances on one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbSigningKeyStoreContractIT extends SigningKeyStoreContract {

    private final LazyPersistence db = new LazyPersistence(() -> MariaDb.settings());
    private final LazyPersistence other = new LazyPersistence(() -> MariaDb.settings());

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
