package dev.sociallogin.bootstrap;

import java.util.Locale;
import java.util.Optional;

/** What {@code java -jar social-login.jar [command]} was asked to do. */
public enum Command {
    /** Run the HTTP service until SIGTERM (the default). */
    SERVE("serve"),
    /** Delete expired refresh tokens and denylist entries once, then exit. */
    PURGE_EXPIRED("purge-expired"),
    /** Create the next signing keys now (published at once, signing after the publish-ahead time), then exit. */
    ROTATE_KEYS("rotate-keys"),
    /**
     * Start a throwaway instance (temporary embedded database, ephemeral port, no configuration
     * read), check its answers over HTTP, stop it; exit 0 when all were right.
     */
    SELF_TEST("self-test"),
    /** Print the usage and exit. */
    HELP("help");

    private final String word;

    Command(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** No argument: {@link #SERVE}; one known word: that command; anything else: empty. */
    public static Optional<Command> parse(String... args) {
        if (args == null || args.length == 0) {
            return Optional.of(SERVE);
        }
        if (args.length > 1) {
            return Optional.empty();
        }
        String arg = args[0].strip().toLowerCase(Locale.ROOT);
        if (arg.equals("--help") || arg.equals("-h")) {
            return Optional.of(HELP);
        }
        for (Command command : values()) {
            if (command.word.equals(arg)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    public static String usage() {
        return "usage: java -jar social-login.jar [serve | purge-expired | rotate-keys | self-test | help]; configuration from environment variables (see README)";
    }
}
