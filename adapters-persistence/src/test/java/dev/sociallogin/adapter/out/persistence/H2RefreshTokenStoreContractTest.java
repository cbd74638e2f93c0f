package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.testfixtures.builder.TestUsers;
import dev.sociallogin.testfixtures.contract.RefreshTokenStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The shared {@link RefreshTokenStoreContract} on the embedded H2 file database (MySQL mode). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2RefreshTokenStoreContractTest extends RefreshTokenStoreContract {

    @TempDir
    static Path dataDir;

    private final LazyPersistence db = new LazyPersistence(() -> PersistenceSettings.embedded(dataDir));

    @AfterAll
    void close() {
        db.close();
    }

    @Override
    protected RefreshTokenStore store() {
        return db.get().refreshTokens();
    }

    @Override
    protected UserId aUser() {
        // refresh tokens carry no foreign key to users: any id will do
        return TestUsers.randomId();
    }
}
