package dev.sociallogin.adapter.out.persistence;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * H2's view of the disk for the embedded database (URL prefix {@value #SCHEME}{@code :}): the plain
 * disk, except that every file H2 creates there (the database, and a trace, lock or compaction file
 * beside it) is created owner-only ({@code rw-------}) rather than per the process umask, typically
 * {@code rw-r--r--}. The file holds every user and refresh token. Java cannot set a umask and H2
 * opens its files itself, so the permission has to be given at creation, before H2 writes a byte.
 *
 * <p>Public with a public constructor only because H2 instantiates wrappers reflectively.
 */
public final class OwnerOnlyFilePath extends FilePathWrapper {

    static final String SCHEME = "ownerOnly";

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFilePath.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static {
        FilePath.register(new OwnerOnlyFilePath());
    }

    /** For H2, which creates one instance per path reflectively. */
    public OwnerOnlyFilePath() {
        // state is set by FilePathWrapper
    }

    /** The H2 file name of {@code file} on this file system; the scheme is registered by then. */
    static String of(Path file) {
        return SCHEME + ":" + file;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public boolean createFile() {
        try {
            return createOwnerOnly();
        } catch (IOException e) {
            return false; // as H2's own disk file system answers a failed create
        }
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        createOwnerOnly();
        return super.newOutputStream(append);
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (!"r".equals(mode)) {
            createOwnerOnly();
        }
        return super.open(mode);
    }

    @Override
    public FilePath createTempFile(String suffix, boolean inTempDir) throws IOException {
        FilePath temp = super.createTempFile(suffix, inTempDir);
        if (POSIX) {
            Files.setPosixFilePermissions(Path.of(temp.unwrap().toString()), OWNER_ONLY);
        }
        return temp;
    }

    /** Creates the file empty and owner-only when it does not exist yet; true if it did not. */
    private boolean createOwnerOnly() throws IOException {
        Path file = Path.of(getBase().toString());
        if (Files.exists(file) || !Files.isDirectory(file.toAbsolutePath().getParent())) {
            return false; // H2's own call then reports a missing directory its way
        }
        try {
            Files.createFile(file, ownerOnly());
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    /**
     * Makes the files of the embedded database named {@code name} in {@code dataDir} owner-only where
     * an older version created them readable by others. A file that cannot be changed (another
     * owner) is left as it is, with a warning naming it.
     */
    static void restrictExisting(Path dataDir, String name) {
        if (!POSIX || !Files.isDirectory(dataDir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDir, name + ".*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                    try {
                        Files.setPosixFilePermissions(file, OWNER_ONLY);
                        LOG.info("Made {} owner-only (rw-------): it holds users and tokens", file.getFileName());
                    } catch (IOException e) {
                        LOG.warn("Could not make {} owner-only ({}): others may read it", file, e.getClass().getSimpleName());
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not check the permissions of the files in {} ({})", dataDir, e.getClass().getSimpleName());
        }
    }
}
