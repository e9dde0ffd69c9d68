package rootcause.job;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real S3-compatible server over HTTP on 127.0.0.1: Adobe's S3Mock (a Spring Boot application, copied by the build to
 * target/s3mock/s3mock-exec.jar) in a JVM of its own, so its Spring and Jackson never meet Spark's. It keeps its
 * objects as files under a folder of its own and starts with one empty bucket.
 */
final class S3Server implements AutoCloseable {
    private static final Path JAR = Path.of("target", "s3mock", "s3mock-exec.jar");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final Path log;
    private final int port;

    private S3Server(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the server with {@code bucket} and waits until it answers. */
    static S3Server start(Path dir, String bucket) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the build copies it in pre-integration-test (mvn verify)");
        }
        int port = freePort();
        Path log = dir.resolve("s3mock.log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", JAR.toString(),
                "--com.adobe.testing.s3mock.httpPort=" + port,
                "--server.port=0", // its HTTPS connector, unused: any free port
                "--server.address=127.0.0.1",
                "--com.adobe.testing.s3mock.store.root=" + dir.resolve("store").toAbsolutePath(),
                "--com.adobe.testing.s3mock.store.initialBuckets=" + bucket))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3Server server = new S3Server(process, log, port);
        server.awaitBucket(bucket);
        return server;
    }

    /** The endpoint for {@code fs.s3a.endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitBucket(String bucket) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/" + bucket).toURL().openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within " + START_TIMEOUT + "; its log: " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
