package dev.sociallogin.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sociallogin.domain.error.DomainException;
import dev.sociallogin.domain.error.ErrorCode;
import java.nio.file.Path;
import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

class StorageFailuresTest {

    @Test
    void givenDriverMessageWithValues_unavailable_keepsOnlyTypesStatesAndCodes() {
        var sql = new SQLIntegrityConstraintViolationException("Duplicate entry 'secret-jti-123' for key 'PRIMARY'", "23000", 1062);
        var spring = new DuplicateKeyException("PreparedStatementCallback; SQL [INSERT INTO t VALUES ('secret-jti-123')]", sql);

        DomainException e = StorageFailures.unavailable("deny access token", spring);

        assertThat(e.code()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE);
        assertThat(e.getMessage())
                .contains("deny access token", "DuplicateKeyException", "23000", "1062")
                .doesNotContain("secret-jti-123", "INSERT");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void givenNoUrl_settings_selectEmbeddedH2UnderDataDir() {
        PersistenceSettings settings = new PersistenceSettings(" ", null, null, Path.of("/var/lib/auth"));

        assertThat(settings.isEmbedded()).isTrue();
        assertThat(settings.effectiveJdbcUrl()).startsWith("jdbc:h2:ownerOnly:/var/lib/auth/social-login;MODE=MySQL;")
                .contains(";WRITE_DELAY=0;");
        assertThat(settings.effectiveUser()).isEqualTo("sa");
    }

    @Test
    void givenVariables_from_readsTheContractsVariables() {
        PersistenceSettings embedded = PersistenceSettings.from(java.util.Map.<String, String>of()::get);
        PersistenceSettings mysql = PersistenceSettings.from(java.util.Map.of(
                "AUTH_DB_URL", "jdbc:mysql://db:3306/auth", "AUTH_DB_USER", "app", "AUTH_DB_PASSWORD", " pw ", "AUTH_DATA_DIR", "/srv/auth")::get);

        assertThat(embedded.isEmbedded()).isTrue();
        assertThat(embedded.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(mysql.isMySql()).isTrue();
        assertThat(mysql.user()).isEqualTo("app");
        assertThat(mysql.password()).as("a password is taken as given").isEqualTo(" pw ");
    }

    @Test
    void givenUnsupportedUrl_from_refusesNamingTheVariableNotTheUrl() {
        assertThatThrownBy(() -> PersistenceSettings.from(java.util.Map.of("AUTH_DB_URL", "jdbc:postgresql://h/db?password=pw")::get))
                .isInstanceOfSatisfying(dev.sociallogin.settings.InvalidSettingException.class, e -> {
                    assertThat(e.variable()).isEqualTo("AUTH_DB_URL");
                    assertThat(e.getMessage()).doesNotContain("pw", "postgresql://h");
                });
    }

    @Test
    void givenUnreachableDatabase_open_refusesTheUrl_andRefusedCredentials_thePassword() {
        PersistenceSettings nobody = new PersistenceSettings("jdbc:mysql://127.0.0.1:1/auth", "app", "s3cret", null, 1);
        assertThatThrownBy(() -> Persistence.open(nobody, java.time.Clock.systemUTC()))
                .isInstanceOfSatisfying(dev.sociallogin.settings.InvalidSettingException.class, e -> {
                    assertThat(e.variable()).isEqualTo("AUTH_DB_URL");
                    assertThat(e.getMessage()).doesNotContain("s3cret", "127.0.0.1:1");
                });
        var refused = new java.sql.SQLInvalidAuthorizationSpecException("Access denied for user 'app'@'h' (using password: YES)", "28000", 1045);
        var atStart = StorageFailures.atStartup(nobody, "reached", new RuntimeException(refused));
        assertThat(atStart.variable()).isEqualTo("AUTH_DB_PASSWORD");
        assertThat(atStart.getMessage()).contains("28000").doesNotContain("Access denied", "app'@");
        assertThat(atStart.getCause()).isNull();
    }

    @Test
    void givenMysqlUrl_settings_selectMysqlAndHideThePassword() {
        PersistenceSettings settings = new PersistenceSettings("jdbc:mysql://db:3306/auth", "app", "s3cret", null);

        assertThat(settings.isEmbedded()).isFalse();
        assertThat(settings.isMySql()).isTrue();
        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("db:3306");
    }

    @Test
    void givenOperatorTimeoutInUrl_mysqlProperties_keepTheOperators() {
        var props = DataSourceFactory.mysqlProperties("jdbc:mysql://db/auth?socketTimeout=9000", DataSourceFactory.SOCKET_TIMEOUT);

        assertThat(props).doesNotContainKey("socketTimeout").containsEntry("connectTimeout", "1500");
    }

    @Test
    void givenOtherScheme_settings_refuseWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> new PersistenceSettings("jdbc:postgresql://h/db?password=pw", "u", "p", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pw");
    }
}
