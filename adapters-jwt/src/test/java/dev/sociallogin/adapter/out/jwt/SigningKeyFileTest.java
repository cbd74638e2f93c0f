package dev.sociallogin.adapter.out.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sociallogin.settings.InvalidSettingException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

        assertThatThrownBy(keyFile::loadOrCreate).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
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

        assertThatThrownBy(new SigningKeyFile(tmp)::loadOrCreate).isInstanceOfSatisfying(InvalidSettingException.class,
                e -> assertThat(e.getMessage()).contains("fewer than 256 bits"));
    }

    @Test
    void givenGarbageKeyFile_loadOrCreate_refuses() throws Exception {
        Path file = tmp.resolve(SigningKeyFile.FILE_NAME);
        Files.writeString(file, "not base64 at all!!", StandardCharsets.US_ASCII);
        if (isPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }

        assertThatThrownBy(new SigningKeyFile(tmp)::loadOrCreate).isInstanceOf(InvalidSettingException.class);
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

    /**
     * Issue 9, item 8: a FIFO (or any non-regular file) where the key file should be used to block
     * start-up forever in the read. It is refused like the other bad key files, at once.
     */
    @Test
    void givenFifoAsKeyFile_loadOrCreate_refusesWithinASecond() throws Exception {
        Path fifo = tmp.resolve(SigningKeyFile.FILE_NAME);
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Throwable> outcome = reader.submit(() -> catchThrowable(new SigningKeyFile(tmp)::loadOrCreate));

            Throwable thrown;
            try {
                thrown = outcome.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException hung) {
                throw new AssertionError("reading a FIFO as the key file hangs", hung);
            }

            assertThat(thrown).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                assertThat(e.variable()).isEqualTo("AUTH_DATA_DIR");
                assertThat(e.reason()).contains("not a regular file");
            });
        } finally {
            releaseBlockedReader(fifo);
            reader.shutdownNow();
        }
    }

    @Test
    void givenDirectoryAsKeyFile_loadOrCreate_refuses() throws Exception {
        Files.createDirectories(tmp.resolve(SigningKeyFile.FILE_NAME));

        assertThatThrownBy(new SigningKeyFile(tmp)::loadOrCreate).isInstanceOfSatisfying(InvalidSettingException.class,
                e -> assertThat(e.reason()).contains("not a regular file"));
    }

    @Test
    void givenNoKeyFile_loadIfPresent_isEmptyAndCreatesNothing() throws Exception {
        assertThat(new SigningKeyFile(tmp.resolve("data")).loadIfPresent()).isEmpty();

        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void givenKeyFile_loadIfPresent_readsIt() {
        byte[] key = new SigningKeyFile(tmp).loadOrCreate();

        assertThat(new SigningKeyFile(tmp).loadIfPresent()).hasValueSatisfying(read -> assertThat(read).isEqualTo(key));
    }

    @Test
    void givenHugeKeyFile_loadOrCreate_refusesWithoutReadingItAll() throws Exception {
        Path file = tmp.resolve(SigningKeyFile.FILE_NAME);
        Files.write(file, new byte[64 * 1024]);
        if (isPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }

        assertThatThrownBy(new SigningKeyFile(tmp)::loadOrCreate).isInstanceOfSatisfying(InvalidSettingException.class,
                e -> assertThat(e.reason()).contains("too large"));
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            Process process = new ProcessBuilder("mkfifo", "-m", "600", path.toString()).redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && Files.exists(path);
        } catch (java.io.IOException notThere) {
            return false;
        }
    }

    /** A reader blocked opening the FIFO is released by a writer opening it (the open then succeeds at once). */
    private static void releaseBlockedReader(Path fifo) {
        Thread writer = new Thread(() -> {
            try (java.io.OutputStream out = Files.newOutputStream(fifo)) {
                out.flush();
            } catch (java.io.IOException | RuntimeException ignored) {
                // nobody was blocked on it
            }
        });
        writer.setDaemon(true);
        writer.start();
    }

    private boolean isPosix() {
        return tmp.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
