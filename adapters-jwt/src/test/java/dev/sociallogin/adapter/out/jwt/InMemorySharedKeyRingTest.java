package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.domain.port.out.SigningKeyStore;
import dev.sociallogin.testfixtures.fake.InMemorySigningKeyStore;

/** The {@link SharedKeyRingContract} on the in-memory store: one object is the shared "database". */
class InMemorySharedKeyRingTest extends SharedKeyRingContract {

    private final InMemorySigningKeyStore database = new InMemorySigningKeyStore();

    @Override
    protected SigningKeyStore openStore() {
        return database;
    }
}
