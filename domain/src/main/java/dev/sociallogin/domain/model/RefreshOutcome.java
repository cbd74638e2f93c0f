package dev.sociallogin.domain.model;

/**
 * What became of one refresh, as operators count it: a rotation, the grace answer to a token rotated
 * a moment ago, or the reason it was refused. Six values, so a metric labelled with it stays bounded.
 */
public enum RefreshOutcome {
    /** The presented token was rotated into a new pair. */
    ROTATED,
    /** The presented token had just been rotated: its successor was answered again, within the reuse grace. */
    GRACE,
    /** A rotated token presented again after the grace: its session was ended. */
    REUSED,
    /** Past its own or its session's expiry. */
    EXPIRED,
    /** Revoked by a logout or by reuse detection. */
    REVOKED,
    /** Missing, malformed, not ours, of the wrong type, or its user is gone or disabled. */
    INVALID
}
