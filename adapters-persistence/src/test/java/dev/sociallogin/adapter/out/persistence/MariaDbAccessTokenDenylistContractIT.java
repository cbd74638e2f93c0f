package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.port.out.AccessTokenDenylist;
import dev.sociallogin.testfixtures.contract.AccessTokenDenylistContract;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The shared {@link AccessTokenDenylistContract} on the real MySQL-compatible server (see {@link MariaDb}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbAccessTokenDenylistContractIT extends AccessTokenDenylistContract {

    private final LazyPersistence db = new LazyPersistence(() -> MariaDb.settings());

    @AfterAll
    void close() {
        db.close();
    }

    @Override
    protected AccessTokenDenylist denylist() {
        return db.get().accessTokenDenylist();
    }
}
