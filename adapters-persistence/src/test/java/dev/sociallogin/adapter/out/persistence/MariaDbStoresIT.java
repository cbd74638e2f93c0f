package dev.sociallogin.adapter.out.persistence;

/** The stores on the real MySQL-compatible server (see {@link MariaDb}). */
class MariaDbStoresIT extends StoresBehaviour {

    @Override
    PersistenceSettings settings() {
        return MariaDb.settings();
    }
}
