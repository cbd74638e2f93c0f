package dev.sociallogin.adapter.out.persistence;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import dev.sociallogin.domain.model.Email;
import dev.sociallogin.domain.model.NewUser;
import dev.sociallogin.domain.model.Nickname;
import dev.sociallogin.domain.model.Registration;
import dev.sociallogin.domain.model.SocialIdentity;
import dev.sociallogin.domain.model.User;
import dev.sociallogin.domain.model.UserId;
import dev.sociallogin.domain.model.Username;
import dev.sociallogin.domain.port.out.UserRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Users and their social identities in the {@code users} and {@code social_identities} tables. */
public final class JdbcUserRepository implements UserRepository {

    private static final String USER_COLUMNS =
            "u.id, u.username, u.email, u.nickname, u.property, u.last_login, u.date_joined, u.active, u.sessions_revoked_at";
    private static final RowMapper<User> USER = JdbcUserRepository::mapUser;

    private final JdbcSupport db;

    public JdbcUserRepository(DataSource dataSource) {
        this.db = new JdbcSupport(dataSource);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return db.call("find user", () -> db.jdbc.query(
                "SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = ?", USER, id.value()).stream().findFirst());
    }

    @Override
    public Optional<User> findByIdentity(SocialIdentity identity) {
        return db.call("find user by identity", () -> db.jdbc.query(
                "SELECT " + USER_COLUMNS + " FROM social_identities i JOIN users u ON u.id = i.user_id"
                        + " WHERE i.provider = ? AND i.subject = ?",
                USER, identity.provider().value(), identity.subject()).stream().findFirst());
    }

    @Override
    public Registration register(NewUser newUser) {
        try {
            User created = db.inTransaction("register", status -> insert(newUser), DuplicateKeyException.class);
            return new Registration(created, true);
        } catch (DuplicateKeyException e) {
            // rolled back; fall through to the winner
        }
        // The unique keys decided: a concurrent first login of the same account won; its user is ours.
        return findByIdentity(newUser.identity())
                .map(existing -> new Registration(existing, false))
                .orElseThrow(() -> new DomainException(ErrorCode.STORAGE_UNAVAILABLE,
                        "username taken by a user without this identity"));
    }

    private User insert(NewUser newUser) {
        Instant joined = JdbcSupport.stored(newUser.joinedAt());
        KeyHolder key = new GeneratedKeyHolder();
        db.jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "INSERT INTO users (username, email, nickname, property, last_login, date_joined, active)"
                            + " VALUES (?, ?, ?, ?, NULL, ?, TRUE)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, newUser.username().value());
            ps.setString(2, newUser.email() == null ? null : newUser.email().value());
            ps.setString(3, newUser.nickname().value());
            ps.setLong(4, newUser.property());
            ps.setObject(5, JdbcSupport.toDb(joined));
            return ps;
        }, key);
        long id = key.getKeyAs(Number.class).longValue();
        db.jdbc.update("INSERT INTO social_identities (provider, subject, user_id, created_at) VALUES (?, ?, ?, ?)",
                newUser.identity().provider().value(), newUser.identity().subject(), id, JdbcSupport.toDb(joined));
        return new User(new UserId(id), newUser.username(), newUser.email(), newUser.nickname(), newUser.property(),
                null, joined, true, null);
    }

    @Override
    public void recordLogin(UserId id, Instant at) {
        db.call("record login", () -> db.jdbc.update("UPDATE users SET last_login = ? WHERE id = ?",
                JdbcSupport.toDb(at), id.value()));
    }

    @Override
    public void revokeSessions(UserId id, Instant at) {
        // one conditional UPDATE: concurrent global logouts leave the latest second, never an earlier one
        String second = JdbcSupport.toDb(at);
        db.call("revoke sessions", () -> db.jdbc.update(
                "UPDATE users SET sessions_revoked_at = ? WHERE id = ? AND (sessions_revoked_at IS NULL OR sessions_revoked_at < ?)",
                second, id.value(), second));
    }

    private static User mapUser(ResultSet rs, int row) throws SQLException {
        String email = rs.getString("email");
        return new User(
                new UserId(rs.getLong("id")),
                new Username(rs.getString("username")),
                email == null ? null : new Email(email),
                new Nickname(rs.getString("nickname")),
                rs.getLong("property"),
                JdbcSupport.instant(rs, "last_login"),
                JdbcSupport.instant(rs, "date_joined"),
                rs.getBoolean("active"),
                JdbcSupport.instant(rs, "sessions_revoked_at"));
    }
}
