-- Global logout: access tokens of the user issued up to and including this second are revoked.
-- NULL until the first global logout. Read with the user on every access-token check, so it costs
-- no query of its own.
ALTER TABLE users ADD COLUMN sessions_revoked_at DATETIME(6) NULL;
