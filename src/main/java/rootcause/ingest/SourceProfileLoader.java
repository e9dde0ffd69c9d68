package rootcause.ingest;

import rootcause.model.ConfigException;
import rootcause.model.Columns;
import rootcause.model.ConfigProblems;
import rootcause.model.YamlConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Loads source profiles from YAML: a built-in one by name ({@code cfpb}, {@code twcs}, {@code airline},
 * {@code survey}) or a file by path. Validates everything and reports all problems at once, each with the
 * file and key path, the value found and what is allowed.
 */
public final class SourceProfileLoader {
    public static final List<String> BUILT_IN = List.of("cfpb", "twcs", "airline", "survey");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern REASON = Pattern.compile("[a-z][a-z0-9_]*");

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
        String yaml;
        try {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(where, List.of("cannot read: " + e.getMessage()));
        }
        ConfigProblems problems = new ConfigProblems(where);
        ProfileFile raw = YamlConfig.bind(yaml, ProfileFile.class, problems);
        SourceProfile profile = raw == null ? null : validate(raw, problems);
        problems.throwIfAny("source profile " + where);
        return profile;
    }

    private static SourceProfile validate(ProfileFile raw, ConfigProblems problems) {
        String name = problems.matching("name", problems.required("name", raw.name()), NAME,
                "must be lower-case letters, digits, '-' or '_'");
        String description = raw.description() == null ? "" : raw.description();
        String encoding = raw.encoding() == null ? "UTF-8" : raw.encoding();
        if (!Charset.isSupported(encoding)) {
            problems.add("encoding", "not a charset this JVM knows (e.g. UTF-8, ISO-8859-1, windows-1252)", encoding);
        }

        SourceProfile.ColumnMapping columns = null;
        ProfileFile.Columns cols = raw.columns();
        if (cols == null) {
            problems.add("columns", "missing; expected a mapping with id, text, date and optionally channel, product, region, score", null);
        } else {
            columns = new SourceProfile.ColumnMapping(problems.required("columns.id", cols.id()),
                    problems.required("columns.text", cols.text()), problems.required("columns.date", cols.date()),
                    cols.channel(), cols.product(), cols.region(), cols.score());
        }

        List<String> dateFormats = problems.strings("date_formats", raw.dateFormats(), true);
        for (int i = 0; i < dateFormats.size(); i++) {
            try {
                ComplaintDates.formatter(dateFormats.get(i));
            } catch (IllegalArgumentException e) {
                problems.add("date_formats[" + i + "]", "not a valid java.time pattern such as yyyy-MM-dd: "
                        + e.getMessage(), dateFormats.get(i));
            }
        }
        // a null entry stands for the empty cell
        List<String> nullValues = raw.nullValues() == null ? List.of("")
                : raw.nullValues().stream().map(v -> v == null ? "" : v).toList();

        SourceProfile.MissingText missingText = SourceProfile.MissingText.REJECT;
        String mt = raw.missingText() == null ? "reject" : raw.missingText();
        switch (mt) {
            case "reject" -> missingText = SourceProfile.MissingText.REJECT;
            case "filter" -> missingText = SourceProfile.MissingText.FILTER;
            default -> problems.add("missing_text", "not allowed; use 'reject' or 'filter'", mt);
        }

        int maxTextChars = 20_000;
        if (raw.maxTextChars() != null) {
            if (raw.maxTextChars() < 1) {
                problems.add("max_text_chars", "must be a positive whole number", raw.maxTextChars());
            } else {
                maxTextChars = raw.maxTextChars();
            }
        }

        List<SourceProfile.RowFilter> filters = new ArrayList<>();
        List<ProfileFile.Filter> rawFilters = raw.filters() == null ? List.of() : raw.filters();
        for (int i = 0; i < rawFilters.size(); i++) {
            String at = "filters[" + i + "]";
            ProfileFile.Filter f = rawFilters.get(i);
            if (f == null) {
                problems.add(at, "expected a mapping with column, keep, reason", null);
                continue;
            }
            String column = problems.required(at + ".column", f.column());
            String reason = problems.matching(at + ".reason", problems.required(at + ".reason", f.reason()), REASON,
                    "must be a snake_case code such as company_reply");
            List<String> keep = problems.strings(at + ".keep", f.keep(), true);
            filters.add(new SourceProfile.RowFilter(column, keep, reason));
        }
        java.util.Map<String, String> outcomes = new java.util.LinkedHashMap<>();
        if (raw.outcomes() != null) {
            raw.outcomes().forEach((outcome, column) -> {
                String at = "outcomes." + outcome;
                problems.matching(at, outcome, REASON, "an outcome name must be snake_case, such as company_response");
                String c = problems.required(at, column);
                if (c != null) outcomes.put(outcome, c);
            });
        }
        String scoreScale = raw.scoreScale();
        if (scoreScale != null && !scoreScale.equals(Columns.NPS_SCALE)) {
            problems.add("score_scale", "not allowed; use '" + Columns.NPS_SCALE
                    + "' (0–10 answers) or leave it out (any numeric score)", scoreScale);
        } else if (scoreScale != null && (cols == null || cols.score() == null)) {
            problems.add("score_scale", "declares the scale of a score, but columns.score is not mapped", scoreScale);
        }
        return problems.isEmpty() ? new SourceProfile(name, description, encoding, columns, dateFormats, nullValues,
                missingText, maxTextChars, List.copyOf(filters), outcomes, scoreScale) : null;
    }
}
