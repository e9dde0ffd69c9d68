package rootcause.sentiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A sentiment model as a run uses it: where it came from, its bytes and their SHA-256 (the manifest records both).
 * A model directory holds {@value #MODEL} (the weights) and {@value #ABOUT} (what it was trained on, for people).
 * The shipped default lives on the class path at {@value #DEFAULT_RESOURCE}, inside the slim models jar: it is
 * trained at build time from the project's own written sentences ({@code evaluation.sentiment.DefaultModelTrainer}, which needs CoreNLP).
 *
 * @param location a directory, or {@code default} for the shipped model
 * @param sha256   hash of the model bytes
 * @param bytes    the model as {@link PolarityModel#toBytes}
 */
public record SentimentModelFile(String location, String sha256, byte[] bytes) implements Serializable {
    public static final String MODEL = "polarity-model.ser.gz";
    public static final String ABOUT = "polarity-model.json";
    public static final String DEFAULT_LOCATION = "default";
    public static final String DEFAULT_RESOURCE = "rootcause/sentiment/" + DEFAULT_LOCATION + "/" + MODEL;

    /** {@code default} (the shipped model; also null) or a folder written by train-sentiment. */
    public static SentimentModelFile named(String nameOrDirectory) {
        if (nameOrDirectory == null || DEFAULT_LOCATION.equals(nameOrDirectory)) return shippedDefault();
        return fromDirectory(Path.of(nameOrDirectory));
    }

    /** The model, deserialised once per JVM. */
    public PolarityModel model() {
        return PolarityModel.shared(sha256, () -> bytes);
    }

    /** The model written by {@code train-sentiment --output DIR}; a clear error when the directory holds none. */
    public static SentimentModelFile fromDirectory(Path dir) {
        Path file = dir.resolve(MODEL);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--sentiment-model " + dir + ": no " + MODEL
                    + " there (a directory written by train-sentiment --output)");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha256 = PolarityModel.sha256(bytes);
            // Deserialised here to fail early with the file's name; model() then finds this JVM's copy.
            PolarityModel.shared(sha256, () -> bytes, file.toString());
            return new SentimentModelFile(dir.toAbsolutePath().toString(), sha256, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The shipped default from the class path (the slim models jar). */
    public static SentimentModelFile shippedDefault() {
        String resource = DEFAULT_RESOURCE;
        try (InputStream in = SentimentModelFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the shipped sentiment model " + resource
                        + " is not on the class path: mvn package builds it into the slim models jar");
            }
            byte[] bytes = in.readAllBytes();
            return new SentimentModelFile(DEFAULT_LOCATION, PolarityModel.sha256(bytes), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Writes the model and its description into {@code dir}; returns what was written. */
    public static SentimentModelFile write(PolarityModel model, Map<String, Object> about, Path dir) {
        try {
            Files.createDirectories(dir);
            byte[] bytes = model.toBytes();
            Files.write(dir.resolve(MODEL), bytes);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(ABOUT).toFile(), about);
            return new SentimentModelFile(dir.toAbsolutePath().toString(), PolarityModel.sha256(bytes), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sentiment model to " + dir, e);
        }
    }
}
