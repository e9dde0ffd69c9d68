package rootcause.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The job's files on any Hadoop file system ({@code file://}, {@code hdfs://}, {@code s3a://}, {@code abfss://}):
 * inputs, output folders, reports and the manifest all go through here (the driver's side; Spark's readers and
 * writers use the same Hadoop configuration). A location without a scheme is a local path, made absolute.
 */
public final class Storage {
    private final Configuration conf;

    public Storage(Configuration conf) {
        this.conf = conf;
    }

    /** Hadoop's default configuration: local files, and remote ones that need no settings (tests, local tools). */
    public static Storage local() {
        return new Storage(new Configuration());
    }

    /** The storage Spark's readers and writers use: the session's Hadoop configuration (its spark.hadoop.* settings). */
    public static Storage of(SparkSession spark) {
        return new Storage(spark.sparkContext().hadoopConfiguration());
    }

    /**
     * A location as given on the command line, fully qualified: {@code /tmp/out} and {@code out} become
     * {@code file:/…/out}; {@code hdfs://nn/out} stays as it is. Touches no file system.
     */
    public static Path path(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("empty path");
        }
        if (!hasScheme(location)) {
            return new Path("file", null, java.nio.file.Path.of(location).toAbsolutePath().normalize().toString());
        }
        Path p = new Path(location);
        if (p.toUri().getPath().isEmpty()) {
            // s3a://bucket must name the bucket's root for children to resolve under it.
            return new Path(p.toUri().getScheme(), p.toUri().getAuthority(), "/");
        }
        return p;
    }

    /** A child of a folder: {@code child(out, "reports", "2025-09")}. */
    public static Path child(Path parent, String... names) {
        Path p = parent;
        for (String name : names) {
            p = new Path(p, name);
        }
        return p;
    }

    /** True for a path on the local file system of this JVM. */
    public static boolean isLocal(Path path) {
        String scheme = path.toUri().getScheme();
        return scheme == null || scheme.equals("file");
    }

    /** How a path is shown to people (messages, console, {@code source_file}): a local one as a plain absolute path. */
    public static String display(Path path) {
        return isLocal(path) ? path.toUri().getPath() : path.toString();
    }

    /** The local file of a {@code file:} path, for tools that only write local files (the run log). */
    public static java.nio.file.Path localFile(Path path) {
        if (!isLocal(path)) {
            throw new IllegalArgumentException(path + " is not on the local file system");
        }
        return java.nio.file.Path.of(path.toUri().getPath());
    }

    public boolean exists(Path path) {
        return status(path) != null;
    }

    public boolean isFile(Path path) {
        FileStatus s = status(path);
        return s != null && s.isFile();
    }

    public boolean isDirectory(Path path) {
        FileStatus s = status(path);
        return s != null && s.isDirectory();
    }

    /** The files (not folders) directly in a folder whose names end with {@code suffix} (any case), in name order. */
    public List<Path> listFiles(Path dir, String suffix) {
        try {
            return Arrays.stream(fs(dir).listStatus(dir)).filter(FileStatus::isFile).map(FileStatus::getPath)
                    .filter(p -> p.getName().toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + display(dir) + ": " + e.getMessage(), e);
        }
    }

    public InputStream open(Path file) throws IOException {
        return fs(file).open(file);
    }

    /** Creates (or replaces) a file, and the folders above it. */
    public OutputStream create(Path file) throws IOException {
        return fs(file).create(file, true);
    }

    /**
     * Creates a file with this text unless it exists (the folders above it too); false when it existed. Atomic on HDFS
     * and on object stores with conditional writes; on the local file system use java.nio's CREATE_NEW instead.
     */
    public boolean createNew(Path file, String text) throws IOException {
        try (OutputStream out = fs(file).create(file, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    public String readString(Path file) throws IOException {
        try (InputStream in = open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public void writeString(Path file, String text) throws IOException {
        try (OutputStream out = create(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Replaces a file so that a reader never sees half of it on a file system that renames (local, HDFS): written
     * beside it, then renamed over it. On object stores the rename is a copy, and a single upload is atomic anyway.
     */
    public void replace(Path file, byte[] content) throws IOException {
        Path tmp = new Path(file.getParent(), file.getName() + ".tmp");
        try (OutputStream out = create(tmp)) {
            out.write(content);
        }
        FileSystem fs = fs(file);
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) {
            throw new IOException("cannot rename " + tmp + " to " + file);
        }
    }

    /** Deletes a file or a folder with everything in it; true if something was deleted. */
    public boolean delete(Path path) throws IOException {
        return fs(path).delete(path, true);
    }

    /** Fails naming the option and the path when it exists and is not a folder (absent is fine: it is created). */
    public void requireFolderOrAbsent(Path path, String option) {
        FileStatus s = status(path);
        if (s != null && !s.isDirectory()) {
            throw new IllegalArgumentException(option + " " + display(path) + " is a file; give a folder (it is created if missing)");
        }
    }

    private FileStatus status(Path path) {
        try {
            return fs(path).getFileStatus(path);
        } catch (FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + display(path) + ": " + e.getMessage(), e);
        }
    }

    private FileSystem fs(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        // Locally, no hidden .crc file beside every report file (Hadoop's checksummed local file system writes one).
        return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
    }

    private static boolean hasScheme(String location) {
        int colon = location.indexOf(':');
        int slash = location.indexOf('/');
        // "C:" is a drive letter, not a scheme; a colon after the first slash is part of a file name.
        return colon > 1 && (slash < 0 || colon < slash)
                && location.substring(0, colon).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.');
    }
}
