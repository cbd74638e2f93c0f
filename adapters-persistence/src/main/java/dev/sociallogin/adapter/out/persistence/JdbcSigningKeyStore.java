package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.model.KeyId;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.model.SigningKey;
import dev.sociallogin.domain.model.TokenType;
import dev.sociallogin.domain.port.out.SigningKeyStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;

/**
 * The key ring in {@code signing_keys} (see {@code V3__signing_keys.sql}). Adding relies on the
 * table's unique keys, so of instances racing to create the same next key exactly one succeeds and
 * the others learn it from {@code false}. Rows this version does not understand (an algorithm or
 * use added later) are skipped, so an older instance keeps working next to a newer one.
 *
 * <p>Private parts travel as bytes only between this class and the database; no message of this
 * class quotes a value (the driver's duplicate-key message names the key, so it is not kept).
 */
public final class JdbcSigningKeyStore implements SigningKeyStore {

    private static final String COLUMNS = "kid, ring, token_type, generation, algorithm, private_key, public_key, created_at, activates_at";

    private final JdbcSupport db;

    public JdbcSigningKeyStore(DataSource dataSource) {
        this.db = new JdbcSupport(dataSource);
    }

    @Override
    public List<SigningKey> findAll(String ring) {
        String name = requireRing(ring);
        return db.call("load signing keys", () -> {
            List<SigningKey> keys = new ArrayList<>();
            db.jdbc.query("SELECT " + COLUMNS + " FROM signing_keys WHERE ring = ?", rs -> {
                toKey(rs).ifPresent(keys::add);
            }, name);
            return List.copyOf(keys);
        });
    }

    @Override
    public boolean add(String ring, SigningKey key) {
        String name = requireRing(ring);
        byte[] privateKey = key.privateKey();
        try {
            return db.call("add signing key", () -> {
                try {
                    db.jdbc.update("INSERT INTO signing_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            key.kid().value(), name, key.use().claim(), key.generation(), key.algorithm().jwaName(), privateKey,
                            key.publicKey(), JdbcSupport.toDb(key.createdAt()), JdbcSupport.toDb(key.activatesAt()));
                    return true;
                } catch (DuplicateKeyException anotherInstanceWon) {
                    return false;
                }
            });
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    @Override
    public int remove(String ring, Collection<KeyId> kids) {
        String name = requireRing(ring);
        if (kids.isEmpty()) {
            return 0;
        }
        return db.call("remove signing keys", () -> {
            int removed = 0;
            for (KeyId kid : kids) {
                removed += db.jdbc.update("DELETE FROM signing_keys WHERE ring = ? AND kid = ?", name, kid.value());
            }
            return removed;
        });
    }

    private static Optional<SigningKey> toKey(ResultSet rs) throws SQLException {
        Optional<SigningAlgorithm> algorithm = SigningAlgorithm.fromJwaName(rs.getString("algorithm"));
        Optional<TokenType> use = tokenType(rs.getString("token_type"));
        if (algorithm.isEmpty() || use.isEmpty()) {
            return Optional.empty();
        }
        byte[] privateKey = rs.getBytes("private_key");
        try {
            return Optional.of(new SigningKey(new KeyId(rs.getString("kid")), use.get(), algorithm.get(), rs.getLong("generation"),
                    privateKey, rs.getBytes("public_key"), JdbcSupport.instant(rs, "created_at"), JdbcSupport.instant(rs, "activates_at")));
        } catch (IllegalArgumentException unusable) {
            // a row the domain refuses (edited by hand?): skipped like an unknown one, never quoted
            return Optional.empty();
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private static Optional<TokenType> tokenType(String claim) {
        for (TokenType type : TokenType.values()) {
            if (type.claim().equals(claim)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static String requireRing(String ring) {
        if (ring == null || ring.isEmpty() || ring.length() > MAX_RING_LENGTH) {
            throw new IllegalArgumentException("ring must be 1-" + MAX_RING_LENGTH + " characters");
        }
        return ring;
    }
}
