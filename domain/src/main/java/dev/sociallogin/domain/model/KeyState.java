package dev.sociallogin.domain.model;

/**
 * Where a signing key is in its life, which follows from its times and the keys after it
 * (see {@link KeyRing#stateAt}).
 */
public enum KeyState {
    /** Known to every instance and, for access keys, in the JWKS; signs nothing yet. */
    PUBLISHED,
    /** The newest activated key of its use: signs the tokens issued now. */
    SIGNING,
    /** A newer key of its use has activated; still verifies the tokens it signed until they can all have expired. */
    RETIRED,
    /** Every token it could have signed has expired: no longer accepted, deleted from the store. */
    REMOVED
}
