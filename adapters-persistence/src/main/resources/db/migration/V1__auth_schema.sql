-- One schema for MySQL 8, MariaDB 10.11 and H2 in MySQL mode: only syntax all three accept.
-- Times are DATETIME(6) holding UTC (the adapter converts); utf8mb4 so 4-byte emoji nicknames fit;
-- binary collation so ids and usernames compare exactly.

CREATE TABLE users (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    username    VARCHAR(64)  NOT NULL,
    email       VARCHAR(255) NULL,
    nickname    VARCHAR(64)  NOT NULL,
    property    BIGINT       NOT NULL,
    last_login  DATETIME(6)  NULL,
    date_joined DATETIME(6)  NOT NULL,
    active      BOOLEAN      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_users_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE social_identities (
    provider   VARCHAR(20) NOT NULL,
    subject    VARCHAR(64) NOT NULL,
    user_id    BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (provider, subject),
    CONSTRAINT fk_social_identities_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX idx_social_identities_user ON social_identities (user_id);

-- A login starts a family; rotation locks the family row first so it serializes with revocation.
CREATE TABLE refresh_token_families (
    id         VARCHAR(64) NOT NULL,
    user_id    BIGINT      NOT NULL,
    started_at DATETIME(6) NOT NULL,
    revoked_at DATETIME(6) NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX idx_refresh_token_families_user ON refresh_token_families (user_id);
CREATE INDEX idx_refresh_token_families_started ON refresh_token_families (started_at);

CREATE TABLE refresh_tokens (
    jti         VARCHAR(64) NOT NULL,
    family_id   VARCHAR(64) NOT NULL,
    user_id     BIGINT      NOT NULL,
    issued_at   DATETIME(6) NOT NULL,
    expires_at  DATETIME(6) NOT NULL,
    replaced_by VARCHAR(64) NULL,
    rotated_at  DATETIME(6) NULL,
    revoked_at  DATETIME(6) NULL,
    PRIMARY KEY (jti),
    CONSTRAINT fk_refresh_tokens_family FOREIGN KEY (family_id) REFERENCES refresh_token_families (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX idx_refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX idx_refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX idx_refresh_tokens_expires ON refresh_tokens (expires_at);

-- denied_at is the database's own clock, so every instance polls "changed since" on one clock.
CREATE TABLE denied_access_tokens (
    jti        VARCHAR(64) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    denied_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (jti)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX idx_denied_access_tokens_denied ON denied_access_tokens (denied_at);
CREATE INDEX idx_denied_access_tokens_expires ON denied_access_tokens (expires_at);
