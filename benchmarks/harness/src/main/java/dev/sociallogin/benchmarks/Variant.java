package dev.sociallogin.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One side of a side-by-side run: a built jar (in {@code directory}, at the path the class-data
 * archive was recorded with), the JVM options to start it with, its own MariaDB database, and the
 * data to generate into its store before it starts (growth runs).
 *
 * @param role       {@code current} or {@code baseline}: the column it fills
 * @param label      what the report calls it, e.g. {@code baseline 338cfab}
 * @param seedUsers  users (with identities) generated before start; 0: an empty store
 * @param seedTokens refresh-token rows (with families) generated before start
 */
record Variant(String role, String label, Path directory, List<String> jvmOptions, String database, long seedUsers,
        long seedTokens) {

    static final String JAR = "bootstrap/target/social-login.jar";
    static final String ARCHIVE = "bootstrap/target/social-login.jsa";

    Variant {
        if (!Files.isRegularFile(directory.resolve(JAR))) {
            throw new IllegalArgumentException("no " + JAR + " under " + directory);
        }
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The README's run command: the class-data archive when the build wrote one (unless
     * {@code noArchive}), then the given options.
     */
    static List<String> options(Path directory, boolean noArchive, List<String> extra) {
        List<String> options = new ArrayList<>();
        if (!noArchive && Files.isRegularFile(directory.resolve(ARCHIVE))) {
            options.add("-XX:SharedArchiveFile=" + ARCHIVE);
        }
        options.addAll(extra);
        return options;
    }
}
