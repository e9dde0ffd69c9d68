package rootcause.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Problems found in one configuration file, each as {@code file: key.path[3].key: what (found: value)}, collected so
 * the analyst sees all of them at once; {@link #throwIfAny} turns them into one {@link ConfigException}.
 */
public final class ConfigProblems {
    private final String source;
    private final List<String> problems = new ArrayList<>();

    public ConfigProblems(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** {@code found} is the offending value, or null when there is none to show; a null path is about the whole file. */
    public void add(String path, String what, Object found) {
        String shown = found == null ? "" : " (found: " + (found instanceof String s ? "'" + s + "'" : found) + ")";
        problems.add(source + ": " + (path == null ? "" : (path.isEmpty() ? "(root)" : path) + ": ") + what + shown);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws a {@link ConfigException} for {@code what} (e.g. "taxonomy x.yaml") when any problem was recorded. */
    public void throwIfAny(String what) {
        if (!problems.isEmpty()) {
            throw new ConfigException(what, problems);
        }
    }

    /** A required string: null when missing or blank (a problem is recorded). */
    public String required(String path, String value) {
        if (value == null || value.isBlank()) {
            add(path, "missing; must be a non-empty string", null);
            return null;
        }
        return value;
    }

    /** {@code value} unless it is present and does not match {@code pattern}: then a problem and null. */
    public String matching(String path, String value, java.util.regex.Pattern pattern, String what) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(path, what, value);
            return null;
        }
        return value;
    }

    /** A list of non-blank strings; absent is empty unless {@code required} (then non-empty). */
    public List<String> strings(String path, List<String> values, boolean required) {
        if (values == null || (required && values.isEmpty())) {
            if (required) {
                add(path, (values == null ? "missing; " : "") + "must be a non-empty list of strings", values);
            }
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            if (values.get(k) == null || values.get(k).isBlank()) {
                add(path + "[" + k + "]", "must be a non-empty string", null);
            } else {
                out.add(values.get(k));
            }
        }
        return List.copyOf(out);
    }

    /** The values sorted, for "allowed: [...]" messages. */
    public static List<String> sorted(Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }
}
