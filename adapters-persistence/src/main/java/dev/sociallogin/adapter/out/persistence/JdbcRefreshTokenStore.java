package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.model.FamilyId;
import dev.sociallogin.domain.model.StoredRefreshToken;
import dev.sociallogin.domain.model.TokenId;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.port.out.RefreshTokenStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;

/**
 * Refresh tokens and their rotation families. Every write that can race with another (rotation,
 * revocation) first locks the family row, so rotation and revocation of one family run one after the
 * other; within that, one conditional UPDATE of the presented token picks the single winner.
 */
public final class JdbcRefreshTokenStore implements RefreshTokenStore {

    /** Purge leaves families this young alone: a login may be inserting its first token right now. */
    static final Duration EMPTY_FAMILY_MIN_AGE = Duration.ofHours(1);
    /** Rows deleted per statement while purging, so a large backlog never holds long locks. */
    static final int PURGE_BATCH = 5000;

    private static final RowMapper<StoredRefreshToken> TOKEN = JdbcRefreshTokenStore::mapToken;

    private final JdbcSupport db;

    public JdbcRefreshTokenStore(DataSource dataSource) {
        this.db = new JdbcSupport(dataSource);
    }

    @Override
    public void saveNewFamily(StoredRefreshToken first) {
        db.inTransaction("save new refresh token family", status -> {
            db.jdbc.update("INSERT INTO refresh_token_families (id, user_id, started_at, revoked_at) VALUES (?, ?, ?, NULL)",
                    first.family().value(), first.userId().value(), JdbcSupport.toDb(first.familyStartedAt()));
            insertToken(first);
            return null;
        });
    }

    @Override
    public Optional<StoredRefreshToken> find(TokenId id) {
        return db.call("find refresh token", () -> db.jdbc.query(
                "SELECT t.jti, t.family_id, t.user_id, t.issued_at, t.expires_at, f.started_at,"
                        + " t.replaced_by, t.rotated_at, t.revoked_at"
                        + " FROM refresh_tokens t JOIN refresh_token_families f ON f.id = t.family_id WHERE t.jti = ?",
                TOKEN, id.value()).stream().findFirst());
    }

    @Override
    public boolean rotate(TokenId presented, StoredRefreshToken successor, Instant now) {
        return db.inTransaction("rotate refresh token", status -> {
            // 1. The family row: held until commit, so a revocation of this family waits for us (or we for it).
            if (!lockActiveFamily(successor.family())) {
                return false;
            }
            // 2. The one statement that decides the winner among concurrent rotations of this token.
            // A rotated token counts as revoked by its rotation (revoked_at = rotated_at = now).
            int won = db.jdbc.update(
                    "UPDATE refresh_tokens SET replaced_by = ?, rotated_at = ?, revoked_at = ?"
                            + " WHERE jti = ? AND family_id = ? AND replaced_by IS NULL AND revoked_at IS NULL AND expires_at > ?",
                    successor.id().value(), JdbcSupport.toDb(now), JdbcSupport.toDb(now), presented.value(), successor.family().value(),
                    JdbcSupport.toDb(now));
            if (won == 0) {
                return false;
            }
            // 3. The successor, in the same transaction: nobody sees the rotation without it.
            insertToken(successor);
            return true;
        });
    }

    @Override
    public int revokeFamily(FamilyId family, Instant now) {
        return db.inTransaction("revoke refresh token family", status -> {
            // The family row first, in the same order as rotate(): a rotation in flight either committed
            // its successor before this point (and the UPDATE below revokes it) or finds the family revoked.
            db.jdbc.update("UPDATE refresh_token_families SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                    JdbcSupport.toDb(now), family.value());
            return db.jdbc.update("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                    JdbcSupport.toDb(now), family.value());
        });
    }

    @Override
    public List<FamilyId> revokeFamiliesOfUser(UserId user, FamilyId keep, Instant now) {
        String keepId = keep == null ? "" : keep.value();
        return db.inTransaction("revoke refresh token families of user", status -> {
            // the family rows first and locked, as in rotate() and revokeFamily(): which ones this call revokes
            List<FamilyId> revoked = db.jdbc.query(
                    "SELECT id FROM refresh_token_families WHERE user_id = ? AND id <> ? AND revoked_at IS NULL FOR UPDATE",
                    (rs, row) -> new FamilyId(rs.getString("id")), user.value(), keepId);
            db.jdbc.update("UPDATE refresh_token_families SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL",
                    JdbcSupport.toDb(now), user.value(), keepId);
            db.jdbc.update("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND family_id <> ? AND revoked_at IS NULL",
                    JdbcSupport.toDb(now), user.value(), keepId);
            return List.copyOf(revoked);
        });
    }

    @Override
    public int purgeExpired(Instant now) {
        return db.call("purge expired refresh tokens", () -> {
            int tokens = 0;
            int deleted;
            do {
                deleted = db.jdbc.update("DELETE FROM refresh_tokens WHERE expires_at < ? LIMIT " + PURGE_BATCH, JdbcSupport.toDb(now));
                tokens += deleted;
            } while (deleted == PURGE_BATCH);
            do {
                deleted = db.jdbc.update("DELETE FROM refresh_token_families WHERE started_at < ?"
                                + " AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = refresh_token_families.id)"
                                + " LIMIT " + PURGE_BATCH,
                        JdbcSupport.toDb(now.minus(EMPTY_FAMILY_MIN_AGE)));
            } while (deleted == PURGE_BATCH);
            return tokens;
        });
    }

    private boolean lockActiveFamily(FamilyId family) {
        return !db.jdbc.queryForList("SELECT id FROM refresh_token_families WHERE id = ? AND revoked_at IS NULL FOR UPDATE",
                String.class, family.value()).isEmpty();
    }

    private void insertToken(StoredRefreshToken token) {
        db.jdbc.update("INSERT INTO refresh_tokens (jti, family_id, user_id, issued_at, expires_at, replaced_by, rotated_at, revoked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                token.id().value(), token.family().value(), token.userId().value(),
                JdbcSupport.toDb(token.issuedAt()), JdbcSupport.toDb(token.expiresAt()),
                JdbcSupport.nullable(token.replacedBy() == null ? null : token.replacedBy().value()),
                JdbcSupport.nullable(JdbcSupport.toDb(token.rotatedAt())), JdbcSupport.nullable(JdbcSupport.toDb(token.revokedAt())));
    }

    private static StoredRefreshToken mapToken(ResultSet rs, int row) throws SQLException {
        String replacedBy = rs.getString("replaced_by");
        return new StoredRefreshToken(
                new TokenId(rs.getString("jti")),
                new FamilyId(rs.getString("family_id")),
                new UserId(rs.getLong("user_id")),
                JdbcSupport.instant(rs, "issued_at"),
                JdbcSupport.instant(rs, "expires_at"),
                JdbcSupport.instant(rs, "started_at"),
                replacedBy == null ? null : new TokenId(replacedBy),
                JdbcSupport.instant(rs, "rotated_at"),
                JdbcSupport.instant(rs, "revoked_at"));
    }
}
