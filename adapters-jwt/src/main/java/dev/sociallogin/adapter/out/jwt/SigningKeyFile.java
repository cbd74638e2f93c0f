package dev.sociallogin.adapter.out.jwt;

import dev.sociallogin.settings.InvalidSettingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS256 secret of v1 when {@code AUTH_JWT_SECRET} is not set: 256 random bits generated once into
 * {@code AUTH_DATA_DIR/jwt-secret.key} (Base64), readable by the owner only, and read again on every
 * later start so tokens survive restarts. Under HS256 it is the signing key ({@link #loadOrCreate});
 * under an asymmetric algorithm it only verifies the tokens v1 issued, and is read when present but
 * never created ({@link #loadIfPresent}).
 *
 * <p>Refused, each an {@link InvalidSettingException} naming a variable: a key file readable by others
 * or holding fewer than 256 bits ({@code AUTH_JWT_SECRET}); one that is not a regular file (a FIFO
 * would block the read forever, a device could be endless) or cannot be read or created
 * ({@code AUTH_DATA_DIR}). The key itself is never logged nor put into a message.
 */
final class SigningKeyFile {

    static final String FILE_NAME = "jwt-secret.key";
    static final int KEY_BYTES = 32;
    /** Ours is 45 bytes; a key file larger than this is not one we wrote. */
    static final int MAX_FILE_BYTES = 1024;

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path dataDir;
    private final Path file;

    SigningKeyFile(Path dataDir) {
        this.dataDir = dataDir;
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /** The key from the file, generating the file first when there is none. The caller wipes the array. */
    byte[] loadOrCreate() {
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

    /** The key from the file when there is one (checked like {@link #loadOrCreate}); never creates it. */
    Optional<byte[]> loadIfPresent() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        byte[] key = read();
        log.info("Tokens without kid (issued by v1) are verified with the key stored in {}", file);
        return Optional.of(key);
    }

    private byte[] read() {
        try {
            // before opening: opening a FIFO for reading blocks until a writer comes, forever at start-up
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new InvalidSettingException(JwtSettings.AUTH_DATA_DIR,
                        "the key file " + file + " is not a regular file; remove it to generate a new key, or set AUTH_JWT_SECRET");
            }
            if (attributes.size() > MAX_FILE_BYTES) {
                throw new InvalidSettingException(JwtSettings.AUTH_JWT_SECRET,
                        "the key file " + file + " is too large to be a generated key; delete it to generate a new key");
            }
            if (isPosix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                throw new InvalidSettingException(JwtSettings.AUTH_JWT_SECRET,
                        "the generated key file " + file + " must be readable by its owner only (chmod 600 it, or set AUTH_JWT_SECRET)");
            }
            byte[] raw = readBounded();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(new String(raw, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(JwtSettings.AUTH_JWT_SECRET, "the key file " + file + " is not Base64; delete it to generate a new key");
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
            if (key.length < JwtKeys.MIN_KEY_BYTES) {
                Arrays.fill(key, (byte) 0);
                throw new InvalidSettingException(JwtSettings.AUTH_JWT_SECRET,
                        "the key file " + file + " holds fewer than 256 bits; delete it to generate a new key");
            }
            return key;
        } catch (NoSuchFileException e) {
            throw new InvalidSettingException(JwtSettings.AUTH_DATA_DIR, "the key file " + file + " disappeared while it was read");
        } catch (IOException e) {
            throw new InvalidSettingException(JwtSettings.AUTH_DATA_DIR, "cannot read the key file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** At most {@link #MAX_FILE_BYTES} + 1 bytes, whatever the file claims its size is. */
    private byte[] readBounded() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_FILE_BYTES + 1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read on
            }
        }
        if (!buffer.hasRemaining()) {
            Arrays.fill(buffer.array(), (byte) 0);
            throw new InvalidSettingException(JwtSettings.AUTH_JWT_SECRET,
                    "the key file " + file + " is too large to be a generated key; delete it to generate a new key");
        }
        byte[] content = Arrays.copyOf(buffer.array(), buffer.position());
        Arrays.fill(buffer.array(), (byte) 0);
        return content;
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
            Arrays.fill(key, (byte) 0);
            throw e;
        } catch (IOException e) {
            Arrays.fill(key, (byte) 0);
            throw new InvalidSettingException(JwtSettings.AUTH_DATA_DIR,
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
