package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.adapter.out.persistence.Persistence;
import dev.sociallogin.adapter.out.persistence.PersistenceSettings;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The {@link SharedKeyRingContract} on the embedded H2 database: each instance its own pool on the one database file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2SharedKeyRingTest extends SharedKeyRingContract {

    @TempDir
    static Path dataDir;

    private final List<Persistence> pools = new ArrayList<>();

    @Override
    protected SigningKeyStore openStore() {
        Persistence persistence = Persistence.open(new PersistenceSettings(null, null, null, dataDir, 2), Clock.systemUTC());
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
