package dev.sociallogin.bootstrap.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFileTest {

    @TempDir
    Path tmp;

    @Test
    void givenNoKeyFile_loadOrCreate_generates256BitsOwnerOnly() throws Exception {
        Path dataDir = tmp.resolve("data/nested");
        SigningKeyFile keyFile = new SigningKeyFile(dataDir);

        byte[] key = keyFile.loadOrCreate();

        assertThat(key).hasSize(32);
        assertThat(keyFile.path()).isEqualTo(dataDir.resolve("jwt-secret.key"));
        assertThat(Base64.getDecoder().decode(Files.readString(keyFile.path()).strip())).isEqualTo(key);
        assumeTrue(isPosix());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files).containsExactly(keyFile.path()); // no temporary file left behind
        }
    }

    @Test
    void givenExistingKeyFile_loadOrCreate_reusesIt() {
        byte[] first = new SigningKeyFile(tmp).loadOrCreate();
        byte[] second = new SigningKeyFile(tmp).loadOrCreate();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void givenTwoKeysGenerated_inDifferentDirectories_theyDiffer() {
        assertThat(new SigningKeyFile(tmp.resolve("a")).loadOrCreate()).isNotEqualTo(new SigningKeyFile(tmp.resolve("b")).loadOrCreate());
    }

    @Test
    void givenGroupReadableKeyFile_loadOrCreate_refusesNamingTheSecretVariable() throws Exception {
        assumeTrue(isPosix());
        SigningKeyFile keyFile = new SigningKeyFile(tmp);
        keyFile.loadOrCreate();
        Files.setPosixFilePermissions(keyFile.path(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(keyFile::loadOrCreate).isInstanceOfSatisfying(dev.sociallogin.settings.InvalidSettingException.class, e -> {
            assertThat(e.variable()).isEqualTo("AUTH_JWT_SECRET");
            assertThat(e.getMessage()).contains("owner only");
        });
    }

    @Test
    void givenTooShortKeyFile_loadOrCreate_refuses() throws Exception {
        Path file = tmp.resolve(SigningKeyFile.FILE_NAME);
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]), StandardCharsets.US_ASCII);
        if (isPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }

        assertThatThrownBy(new SigningKeyFile(tmp)::loadOrCreate).isInstanceOfSatisfying(dev.sociallogin.settings.InvalidSettingException.class,
                e -> assertThat(e.getMessage()).contains("fewer than 256 bits"));
    }

    @Test
    void givenGarbageKeyFile_loadOrCreate_refuses() throws Exception {
        Path file = tmp.resolve(SigningKeyFile.FILE_NAME);
        Files.writeString(file, "not base64 at all!!", StandardCharsets.US_ASCII);
        if (isPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }

        assertThatThrownBy(new SigningKeyFile(tmp)::loadOrCreate).isInstanceOf(dev.sociallogin.settings.InvalidSettingException.class);
    }

    @Test
    void givenConcurrentFirstStarts_loadOrCreate_allGetTheSameKey() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<byte[]> task = () -> {
                    start.await();
                    return new SigningKeyFile(tmp).loadOrCreate();
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            byte[] first = results.get(0).get();
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(first);
            }
            assertThat(Base64.getDecoder().decode(Files.readString(tmp.resolve(SigningKeyFile.FILE_NAME)).strip())).isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean isPosix() {
        return tmp.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
