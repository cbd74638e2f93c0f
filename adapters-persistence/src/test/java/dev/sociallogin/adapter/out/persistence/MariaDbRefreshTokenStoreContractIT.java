package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.testfixtures.builder.TestUsers;
import dev.sociallogin.testfixtures.contract.RefreshTokenStoreContract;
import java.time.Clock;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** The shared {@link RefreshTokenStoreContract} on the real MySQL-compatible server (see {@link MariaDb}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbRefreshTokenStoreContractIT extends RefreshTokenStoreContract {

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
    protected RefreshTokenStore store() {
        return persistence.refreshTokens();
    }

    @Override
    protected UserId aUser() {
        // refresh tokens carry no foreign key to users: any id will do
        return TestUsers.randomId();
    }
}
