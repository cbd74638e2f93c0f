package dev.sociallogin.testfixtures.contract;

import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import dev.sociallogin.testfixtures.builder.TestUsers;
import dev.sociallogin.testfixtures.fake.InMemoryRefreshTokenStore;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {

    private final InMemoryRefreshTokenStore store = new InMemoryRefreshTokenStore();

    @Override
    protected RefreshTokenStore store() {
        return store;
    }

    @Override
    protected UserId aUser() {
        return TestUsers.randomId();
    }

    @Override
    protected int raceRounds() {
        return 200;
    }
}
