package rootcause.job.lock;

import rootcause.io.Storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one file a {@link RunLock} lives in, behind the four operations the lock needs. This is the seam for another
 * file system: {@link #local} through java.nio (CREATE_NEW is atomic there), {@link #of} through the Hadoop
 * {@code FileSystem} ({@code create(path, false)}, atomic on HDFS).
 */
public interface LockFile {
    /** Creates the file with this text, atomically; false when it already exists. */
    boolean createNew(String text);

    /** The file's text; empty when there is no file. */
    Optional<String> read();

    /** Deletes the file; nothing when it is gone already. */
    void delete();

    /** Where it is, for messages. */
    String location();

    /** A file on a remote file system (HDFS, S3, ...), through the Hadoop {@code FileSystem}. */
    static LockFile of(Storage storage, org.apache.hadoop.fs.Path file) {
        return new LockFile() {
            @Override
            public boolean createNew(String text) {
                try {
                    return storage.createNew(file, text);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create " + location(), e);
                }
            }

            @Override
            public Optional<String> read() {
                try {
                    return storage.exists(file) ? Optional.of(storage.readString(file)) : Optional.empty();
                } catch (java.io.FileNotFoundException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + location(), e);
                }
            }

            @Override
            public void delete() {
                try {
                    storage.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + location(), e);
                }
            }

            @Override
            public String location() {
                return Storage.display(file);
            }
        };
    }

    /** A file on a local (or mounted) file system, through java.nio. */
    static LockFile local(Path file) {
        return new LockFile() {
            @Override
            public boolean createNew(String text) {
                try {
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    return true;
                } catch (FileAlreadyExistsException e) {
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create " + file, e);
                }
            }

            @Override
            public Optional<String> read() {
                try {
                    return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            }

            @Override
            public void delete() {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + file, e);
                }
            }

            @Override
            public String location() {
                return file.toString();
            }
        };
    }
}
