package dev.sociallogin.adapter.out.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The races on the embedded H2 file database (one process: second "instances" share its file through their own pools). */
class H2ConcurrencyTest extends ConcurrencyBehaviour {

    @TempDir
    static Path dataDir;

    @Override
    PersistenceSettings settings(int poolSize) {
        return new PersistenceSettings(null, null, null, dataDir, poolSize);
    }
}
