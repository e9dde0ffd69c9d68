package rootcause.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import rootcause.model.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Loads source profiles from YAML: a built-in one by name ({@code cfpb}, {@code twcs}, {@code airline},
 * {@code survey}) or a file by path. Validates everything and reports all problems at once, each with the
 * file and key path, the value found and what is allowed.
 */
public final class SourceProfileLoader {
    public static final List<String> BUILT_IN = List.of("cfpb", "twcs", "airline", "survey");

    private static final Set<String> TOP_KEYS = Set.of("name", "description", "encoding", "columns",
            "date_formats", "null_values", "missing_text", "max_text_chars", "filters");
    private static final Set<String> COLUMN_KEYS = Set.of("id", "text", "date", "channel", "product", "region", "score");
    private static final Set<String> FILTER_KEYS = Set.of("column", "keep", "reason");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SourceProfileLoader() {}

    /** A built-in profile name or a path to a profile file. */
    public static SourceProfile load(String nameOrPath) {
        if (BUILT_IN.contains(nameOrPath)) {
            String resource = "/rootcause/profiles/" + nameOrPath + ".yaml";
            try (InputStream in = SourceProfileLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("built-in profile " + resource + " is missing from the jar");
                }
                return parse(in, "built-in profile " + nameOrPath);
            } catch (IOException e) {
                throw new ConfigException("built-in profile " + nameOrPath, List.of(e.getMessage()));
            }
        }
        Path path = Path.of(nameOrPath);
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("profile '" + nameOrPath + "'", List.of(
                    "not a built-in profile (" + String.join(", ", BUILT_IN) + ") and no such file"));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, path.toString());
        } catch (IOException e) {
            throw new ConfigException(path.toString(), List.of("cannot read: " + e.getMessage()));
        }
    }

    static SourceProfile parse(InputStream in, String where) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new ConfigException(where, List.of("not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ConfigException(where, List.of("expected a mapping with keys " + TOP_KEYS));
        }
        unknownKeys(root, "", TOP_KEYS, problems);

        String name = requiredText(root, "name", problems);
        if (name != null && !name.matches("[a-z][a-z0-9_-]*")) {
            problems.add("name: '" + name + "' must be lower-case letters, digits, '-' or '_'");
        }
        String description = optionalText(root, "description", "");
        String encoding = optionalText(root, "encoding", "UTF-8");
        if (!Charset.isSupported(encoding)) {
            problems.add("encoding: '" + encoding + "' is not a charset this JVM knows (e.g. UTF-8, ISO-8859-1, windows-1252)");
        }

        SourceProfile.ColumnMapping columns = null;
        JsonNode cols = root.get("columns");
        if (cols == null || !cols.isObject()) {
            problems.add("columns: missing; expected a mapping with id, text, date and optionally channel, product, region, score");
        } else {
            unknownKeys(cols, "columns.", COLUMN_KEYS, problems);
            columns = new SourceProfile.ColumnMapping(
                    requiredText(cols, "id", "columns.", problems),
                    requiredText(cols, "text", "columns.", problems),
                    requiredText(cols, "date", "columns.", problems),
                    optionalText(cols, "channel", null), optionalText(cols, "product", null),
                    optionalText(cols, "region", null), optionalText(cols, "score", null));
        }

        List<String> dateFormats = stringList(root, "date_formats", problems);
        if (dateFormats.isEmpty() && root.has("date_formats")) {
            problems.add("date_formats: empty; give at least one java.time pattern such as yyyy-MM-dd");
        } else if (!root.has("date_formats")) {
            problems.add("date_formats: missing; give at least one java.time pattern such as yyyy-MM-dd");
        }
        for (int i = 0; i < dateFormats.size(); i++) {
            try {
                ComplaintDates.formatter(dateFormats.get(i));
            } catch (IllegalArgumentException e) {
                problems.add("date_formats[" + i + "]: '" + dateFormats.get(i) + "' is not a valid java.time pattern: " + e.getMessage());
            }
        }
        List<String> nullValues = root.has("null_values") ? stringList(root, "null_values", problems) : List.of("");

        SourceProfile.MissingText missingText = SourceProfile.MissingText.REJECT;
        String mt = optionalText(root, "missing_text", "reject");
        switch (mt) {
            case "reject" -> missingText = SourceProfile.MissingText.REJECT;
            case "filter" -> missingText = SourceProfile.MissingText.FILTER;
            default -> problems.add("missing_text: '" + mt + "' is not allowed; use 'reject' or 'filter'");
        }

        int maxTextChars = 20_000;
        JsonNode max = root.get("max_text_chars");
        if (max != null) {
            if (!max.canConvertToInt() || max.asInt() < 1) {
                problems.add("max_text_chars: '" + max.asText() + "' must be a positive whole number");
            } else {
                maxTextChars = max.asInt();
            }
        }

        List<SourceProfile.RowFilter> filters = new ArrayList<>();
        JsonNode fs = root.get("filters");
        if (fs != null && !fs.isArray()) {
            problems.add("filters: expected a list of {column, keep, reason}");
        } else if (fs != null) {
            for (int i = 0; i < fs.size(); i++) {
                String at = "filters[" + i + "].";
                JsonNode f = fs.get(i);
                if (!f.isObject()) {
                    problems.add(at.substring(0, at.length() - 1) + ": expected a mapping with column, keep, reason");
                    continue;
                }
                unknownKeys(f, at, FILTER_KEYS, problems);
                String column = requiredText(f, "column", at, problems);
                String reason = requiredText(f, "reason", at, problems);
                if (reason != null && !reason.matches("[a-z][a-z0-9_]*")) {
                    problems.add(at + "reason: '" + reason + "' must be a snake_case code such as company_reply");
                }
                List<String> keep = stringList(f, "keep", at, problems);
                if (keep.isEmpty()) {
                    problems.add(at + "keep: missing or empty; list the values of '" + column + "' to keep");
                }
                filters.add(new SourceProfile.RowFilter(column, keep, reason));
            }
        }

        if (!problems.isEmpty()) {
            throw new ConfigException("source profile " + where, problems);
        }
        return new SourceProfile(name, description, encoding, columns, dateFormats, nullValues, missingText,
                maxTextChars, List.copyOf(filters));
    }

    private static void unknownKeys(JsonNode node, String prefix, Set<String> allowed, List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                problems.add(prefix + key + ": unknown key; allowed keys are " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static String requiredText(JsonNode node, String key, List<String> problems) {
        return requiredText(node, key, "", problems);
    }

    private static String requiredText(JsonNode node, String key, String prefix, List<String> problems) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            problems.add(prefix + key + ": missing; it is required" + (v != null && !v.isValueNode() ? " and must be a single value" : ""));
            return null;
        }
        return v.asText();
    }

    private static String optionalText(JsonNode node, String key, String fallback) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static List<String> stringList(JsonNode node, String key, List<String> problems) {
        return stringList(node, key, "", problems);
    }

    private static List<String> stringList(JsonNode node, String key, String prefix, List<String> problems) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            problems.add(prefix + key + ": expected a list, found '" + v.asText() + "'");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        v.forEach(e -> out.add(e.isNull() ? "" : e.asText()));
        return List.copyOf(out);
    }
}
