package dev.sociallogin.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void givenNoArgument_parse_serves() {
        assertThat(Command.parse()).contains(Command.SERVE);
        assertThat(Command.parse((String[]) null)).contains(Command.SERVE);
    }

    @Test
    void givenKnownWords_parse_findsTheCommand() {
        assertThat(Command.parse("serve")).contains(Command.SERVE);
        assertThat(Command.parse("purge-expired")).contains(Command.PURGE_EXPIRED);
        assertThat(Command.parse("PURGE-EXPIRED")).contains(Command.PURGE_EXPIRED);
        assertThat(Command.parse("--help")).contains(Command.HELP);
        assertThat(Command.parse("help")).contains(Command.HELP);
    }

    @Test
    void givenUnknownWordOrExtraArguments_parse_isEmpty() {
        assertThat(Command.parse("purge")).isEmpty();
        assertThat(Command.parse("serve", "now")).isEmpty();
    }

    @Test
    void givenWeakSecret_run_refusesWithTheConfigurationExitCode() {
        assertThat(Main.run(Command.SERVE, java.util.Map.of("AUTH_JWT_SECRET", "weak")::get)).isEqualTo(Main.EXIT_CONFIG);
        assertThat(Main.run(Command.PURGE_EXPIRED, java.util.Map.of("AUTH_DB_URL", "nonsense")::get)).isEqualTo(Main.EXIT_CONFIG);
    }

    @Test
    void givenHelp_run_succeedsWithoutReadingTheConfiguration() {
        assertThat(Main.run(Command.HELP, java.util.Map.of("AUTH_JWT_SECRET", "weak")::get)).isEqualTo(Main.EXIT_OK);
    }
}
