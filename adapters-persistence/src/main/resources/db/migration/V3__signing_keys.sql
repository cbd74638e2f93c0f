-- The key ring (issue 12): the JWT signing keys every instance on this database shares, per ring (the
-- issuer they sign for). A key's state follows from its times; the token adapter deletes a key once
-- every token it could have signed has expired.
--
-- private_key holds the private part as the token adapter encodes it (PKCS#8, or the raw HMAC secret)
-- in plain: at rest it is protected by the database's access control, so grant this schema to the
-- service's own user only (and keep the embedded database's directory owner-only). It is never copied
-- to a file, a log or an answer. The unique key on (ring, token_type, generation) lets exactly one of
-- several instances create each next key.

CREATE TABLE signing_keys (
    kid          VARCHAR(64)     NOT NULL,
    ring         VARCHAR(255)    NOT NULL,
    token_type   VARCHAR(16)     NOT NULL,
    generation   BIGINT          NOT NULL,
    algorithm    VARCHAR(16)     NOT NULL,
    private_key  VARBINARY(4096) NOT NULL,
    public_key   VARBINARY(4096) NOT NULL,
    created_at   DATETIME(6)     NOT NULL,
    activates_at DATETIME(6)     NOT NULL,
    PRIMARY KEY (kid),
    CONSTRAINT uk_signing_keys_generation UNIQUE (ring, token_type, generation)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
