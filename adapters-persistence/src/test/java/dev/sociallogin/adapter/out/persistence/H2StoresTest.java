package dev.sociallogin.adapter.out.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The stores on the embedded default: an H2 file database in MySQL mode under a data directory. */
class H2StoresTest extends StoresBehaviour {

    @TempDir
    static Path dataDir;

    @Override
    PersistenceSettings settings() {
        return PersistenceSettings.embedded(dataDir);
    }
}
