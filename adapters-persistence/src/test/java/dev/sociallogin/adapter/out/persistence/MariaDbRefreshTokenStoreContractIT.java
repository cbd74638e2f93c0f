package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.testfixtures.builder.TestUsers;
import dev.sociallogin.testfixtures.contract.RefreshTokenStoreContract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The shared {@link RefreshTokenStoreContract} on the real MySQL-compatible server (see {@link MariaDb}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbRefreshTokenStoreContractIT extends RefreshTokenStoreContract {

    private final LazyPersistence db = new LazyPersistence(() -> MariaDb.settings());

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
