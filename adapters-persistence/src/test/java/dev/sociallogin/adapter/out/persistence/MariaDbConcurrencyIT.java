package dev.sociallogin.adapter.out.persistence;

/** The races on the real MySQL-compatible server; a second instance is a second pool on the same database. */
class MariaDbConcurrencyIT extends ConcurrencyBehaviour {

    @Override
    PersistenceSettings settings(int poolSize) {
        return MariaDb.settings(MariaDb.URL, poolSize);
    }
}
