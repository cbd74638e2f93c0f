package dev.sociallogin.testfixtures.contract;

import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.testfixtures.fake.InMemorySigningKeyStore;

class InMemorySigningKeyStoreTest extends SigningKeyStoreContract {

    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();

    @Override
    protected SigningKeyStore store() {
        return store;
    }

    @Override
    protected SigningKeyStore otherStore() {
        return store;
    }
}
