package rootcause.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One {@code --input PROFILE=PATH}: a profile and a CSV file or a folder of CSV files.
 *
 * @param profile the validated profile
 * @param path    a file, or a folder whose {@code *.csv} files (not recursive) are read in name order
 */
public record InputSpec(SourceProfile profile, Path path) implements Serializable {

    /** Parses {@code PROFILE=PATH}; PROFILE is a built-in profile name or a profile file. */
    public static InputSpec parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--input '" + spec + "' must look like PROFILE=PATH, e.g. cfpb=exports/complaints.csv;"
                    + " built-in profiles: " + String.join(", ", SourceProfileLoader.BUILT_IN));
        }
        SourceProfile profile = SourceProfileLoader.load(spec.substring(0, eq));
        Path path = Path.of(spec.substring(eq + 1));
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--input '" + spec + "': no such file or folder: " + path.toAbsolutePath());
        }
        return new InputSpec(profile, path);
    }

    /** The CSV files this input names, in a stable order. */
    public List<Path> files() {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            List<Path> files = s.filter(p -> Files.isRegularFile(p)
                            && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted().toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("input folder " + path + " (profile " + profile.name() + ") holds no .csv files");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list input folder " + path, e);
        }
    }
}
