package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.adapter.out.persistence.Persistence;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** The {@link SharedKeyRingContract} on the real MySQL-compatible server (see {@link TestDatabase}): each instance its own pool. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbSharedKeyRingIT extends SharedKeyRingContract {

    private final List<Persistence> pools = new ArrayList<>();

    @Override
    protected SigningKeyStore openStore() {
        Persistence persistence = Persistence.open(TestDatabase.settings(), Clock.systemUTC());
        synchronized (pools) {
            pools.add(persistence);
        }
        return persistence.signingKeys();
    }

    @AfterAll
    void closePools() {
        pools.forEach(Persistence::close);
    }
}
