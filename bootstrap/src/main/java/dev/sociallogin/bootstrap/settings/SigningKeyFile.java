package dev.sociallogin.bootstrap.settings;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import dev.sociallogin.settings.InvalidSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS256 key used when {@code AUTH_JWT_SECRET} is not set: 256 random bits generated once into
 * {@code AUTH_DATA_DIR/jwt-secret.key} (Base64), readable by the owner only, and read again on
 * every later start so tokens survive restarts. The key itself is never logged.
 */
public final class SigningKeyFile {

    public static final String FILE_NAME = "jwt-secret.key";
    static final String AUTH_JWT_SECRET = "AUTH_JWT_SECRET";
    static final String AUTH_DATA_DIR = "AUTH_DATA_DIR";
    static final int MIN_SECRET_BYTES = 32;
    static final int KEY_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path dataDir;
    private final Path file;

    public SigningKeyFile(Path dataDir) {
        this.dataDir = dataDir;
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /** The key from the file, generating the file first when there is none. */
    public byte[] loadOrCreate() {
        if (Files.exists(file)) {
            byte[] key = read();
            log.info("Using the JWT signing key stored in {} (AUTH_JWT_SECRET not set)", file);
            return key;
        }
        try {
            byte[] key = create();
            log.info("Generated a new 256-bit JWT signing key into {} (AUTH_JWT_SECRET not set); it is reused on later starts", file);
            return key;
        } catch (FileAlreadyExistsException raced) {
            // another instance sharing the data directory created it first: use theirs
            return read();
        }
    }

    private byte[] read() {
        try {
            if (isPosix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                throw new InvalidSettingException(AUTH_JWT_SECRET,
                        "the generated key file " + file + " must be readable by its owner only (chmod 600 it, or set AUTH_JWT_SECRET)");
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(AUTH_JWT_SECRET, "the key file " + file + " is not Base64; delete it to generate a new key");
            }
            if (key.length < MIN_SECRET_BYTES) {
                throw new InvalidSettingException(AUTH_JWT_SECRET,
                        "the key file " + file + " holds fewer than 256 bits; delete it to generate a new key");
            }
            return key;
        } catch (IOException e) {
            throw new InvalidSettingException(AUTH_DATA_DIR, "cannot read the key file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private byte[] create() throws FileAlreadyExistsException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        byte[] encoded = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path temp = null;
        try {
            if (Files.notExists(dataDir)) {
                Files.createDirectories(dataDir, dirAttributes());
            }
            // written under a temporary name, created owner-only from the start, then published
            // with a link that fails when the name exists: no reader ever sees a partial key
            temp = isPosix() ? Files.createTempFile(dataDir, ".jwt-secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dataDir, ".jwt-secret", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(encoded));
                channel.force(true);
            }
            publish(temp);
            return key;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidSettingException(AUTH_DATA_DIR,
                    "cannot create the key file " + file + " (" + e.getClass().getSimpleName() + "); make the directory writable or set AUTH_JWT_SECRET");
        } finally {
            Arrays.fill(encoded, (byte) 0);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    log.warn("Could not delete the temporary file {}", temp);
                }
            }
        }
    }

    private void publish(Path temp) throws IOException {
        try {
            Files.createLink(file, temp);
        } catch (UnsupportedOperationException e) {
            // no hard links on this file system: fall back to a plain no-replace move
            Files.move(temp, file);
        }
    }

    private FileAttribute<?>[] dirAttributes() {
        return isPosix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR)} : new FileAttribute<?>[0];
    }

    private boolean isPosix() {
        return dataDir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
