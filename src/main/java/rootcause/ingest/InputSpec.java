package rootcause.ingest;

import org.apache.hadoop.fs.Path;
import rootcause.io.Storage;

import java.io.Serializable;
import java.util.List;

/**
 * One {@code --input PROFILE=PATH}: a profile and a CSV file or a folder of CSV files, on any Hadoop file system
 * ({@code data/x.csv}, {@code file:///…}, {@code hdfs://…}, {@code s3a://…}).
 *
 * @param profile the validated profile
 * @param path    a file, or a folder whose {@code *.csv} files (not recursive) are read in name order; fully qualified
 */
public record InputSpec(SourceProfile profile, Path path) implements Serializable {

    /** Parses {@code PROFILE=PATH}; PROFILE is a built-in profile name or a local profile file. Touches no input. */
    public static InputSpec parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--input '" + spec + "' must look like PROFILE=PATH, e.g. cfpb=exports/complaints.csv;"
                    + " built-in profiles: " + String.join(", ", SourceProfileLoader.BUILT_IN));
        }
        SourceProfile profile = SourceProfileLoader.load(spec.substring(0, eq));
        return new InputSpec(profile, Storage.path(spec.substring(eq + 1)));
    }

    /** The CSV files this input names, in a stable order; fails in one line when the path does not exist. */
    public List<Path> files(Storage storage) {
        if (storage.isFile(path)) {
            return List.of(path);
        }
        if (!storage.isDirectory(path)) {
            throw new IllegalArgumentException("--input " + profile.name() + "=" + Storage.display(path) + ": no such file or folder");
        }
        List<Path> files = storage.listFiles(path, ".csv");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("input folder " + Storage.display(path) + " (profile " + profile.name() + ") holds no .csv files");
        }
        return files;
    }
}
