package dev.sociallogin.testfixtures.fake;

import dev.sociallogin.domain.model.KeyRotation;
import dev.sociallogin.domain.model.PublishedKeys;
import dev.sociallogin.domain.model.SigningAlgorithm;
import dev.sociallogin.domain.port.out.SigningKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@link SigningKeys} answering what a test set: the published keys and what the next {@link #rotate()} returns. Counts rotations. */
public final class FakeSigningKeys implements SigningKeys {

    private volatile PublishedKeys published;
    private final List<KeyRotation> nextRotation = new ArrayList<>();
    private int rotations;

    public FakeSigningKeys(String issuer) {
        this.published = new PublishedKeys(issuer, List.of(SigningAlgorithm.HS256), List.of());
    }

    public void publish(PublishedKeys keys) {
        this.published = Objects.requireNonNull(keys, "keys");
    }

    /** What the next {@link #rotate()} answers. */
    public synchronized void willRotate(List<KeyRotation> created) {
        nextRotation.clear();
        nextRotation.addAll(created);
    }

    @Override
    public PublishedKeys published() {
        return published;
    }

    @Override
    public synchronized List<KeyRotation> rotate() {
        rotations++;
        return List.copyOf(nextRotation);
    }

    public synchronized int rotations() {
        return rotations;
    }
}
