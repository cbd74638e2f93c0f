-- An OpenID Connect subject ("sub") may be up to 255 ASCII characters (OIDC Core §2), not only the
-- short numeric ids Kakao and Naver use: widen the column so any configured issuer's subjects fit.
-- The primary key (provider, subject) stays well under InnoDB's 3072-byte index limit (275 x 4 bytes).
-- MODIFY is accepted by MySQL, MariaDB and H2 in MySQL mode alike.
ALTER TABLE social_identities MODIFY subject VARCHAR(255) NOT NULL;
