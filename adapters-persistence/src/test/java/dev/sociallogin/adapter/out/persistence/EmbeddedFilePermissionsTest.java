package dev.sociallogin.adapter.out.persistence;

import static dev.sociallogin.adapter.out.persistence.TestData.aNewUser;
import static dev.sociallogin.adapter.out.persistence.TestData.anIdentity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the embedded database creates holds users or tokens, or SQL about them: owner-only
 * ({@code rw-------}) whatever the umask, which typically makes new files {@code rw-r--r--}.
 */
class EmbeddedFilePermissionsTest {

    @TempDir
    Path tmp;

    private Path dataDir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        dataDir = tmp.resolve("data");
    }

    @Test
    void givenNewDataDir_openAndWrite_createsOnlyOwnerOnlyFiles() throws Exception {
        try (Persistence persistence = open()) {
            persistence.users().register(aNewUser(anIdentity()));
            assertThat(permissionsOfFilesIn(dataDir)).as("while open").isNotEmpty().allSatisfy(
                    (name, permissions) -> assertThat(permissions).as(name).isEqualTo("rw-------"));
        }
        assertThat(permissionsOfFilesIn(dataDir)).as("after close").containsKey(PersistenceSettings.EMBEDDED_DB_NAME + ".mv.db")
                .allSatisfy((name, permissions) -> assertThat(permissions).as(name).isEqualTo("rw-------"));
    }

    @Test
    void givenTraceSwitchedOn_aFileH2CreatesLater_isOwnerOnlyToo() throws Exception {
        try (Persistence persistence = open(); Connection connection = persistence.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET TRACE_LEVEL_FILE 1");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table")).isInstanceOf(SQLException.class);
            statement.execute("SET TRACE_LEVEL_FILE 0");
        }
        Path trace = dataDir.resolve(PersistenceSettings.EMBEDDED_DB_NAME + ".trace.db");
        assertThat(trace).as("H2 wrote its error trace").exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trace))).isEqualTo("rw-------");
    }

    @Test
    void givenDefaultOptions_noTraceFileIsWritten() throws Exception {
        try (Persistence persistence = open(); Connection connection = persistence.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table")).isInstanceOf(SQLException.class);
        }
        assertThat(permissionsOfFilesIn(dataDir)).containsOnlyKeys(PersistenceSettings.EMBEDDED_DB_NAME + ".mv.db");
    }

    @Test
    void givenDatabaseFileReadableByOthers_open_makesItOwnerOnly() throws Exception {
        try (Persistence persistence = open()) {
            persistence.users().register(aNewUser(anIdentity()));
        }
        Path file = dataDir.resolve(PersistenceSettings.EMBEDDED_DB_NAME + ".mv.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--")); // as older versions left it

        try (Persistence persistence = open()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    /**
     * H2 spills large results to java.io.tmpdir, not to the data directory, through the JDK's
     * {@code Files.createTempFile}, which is owner-only already: this passed before the fix too and
     * guards an H2 upgrade that changes how the file is made.
     */
    @Test
    void givenLargeResult_theTemporaryFileH2SpillsItTo_isOwnerOnly() throws Exception {
        Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        try (Persistence persistence = open(); Connection connection = persistence.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            List<Path> before = h2TempFiles(tempDir);
            statement.execute("SET MAX_MEMORY_ROWS 10");
            try (var rs = statement.executeQuery("SELECT X FROM SYSTEM_RANGE(1, 5000) ORDER BY X DESC")) {
                assertThat(rs.next()).isTrue();
                List<Path> spilled = h2TempFiles(tempDir);
                spilled.removeAll(before);
                assertThat(spilled).as("H2 spilled the result to a file").isNotEmpty();
                for (Path file : spilled) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                            .isEqualTo("rw-------");
                }
            } finally {
                statement.execute("SET MAX_MEMORY_ROWS 40000");
            }
        }
    }

    private Persistence open() {
        return Persistence.open(PersistenceSettings.embedded(dataDir), Clock.systemUTC());
    }

    private static Map<String, String> permissionsOfFilesIn(Path dir) throws IOException {
        Map<String, String> permissions = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                permissions.put(file.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        return permissions;
    }

    private static List<Path> h2TempFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("h2tmp") && f.toString().endsWith(".temp.db"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        }
    }
}
