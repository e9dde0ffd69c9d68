package rootcause.classify;

import rootcause.model.ConfigException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a taxonomy YAML file and validates it, reporting all problems at once (file, key path, value, what is
 * allowed). Runs on the driver.
 */
public final class TaxonomyLoader {
    /** The taxonomy shipped with rootcause. */
    public static final String DEFAULT_RESOURCE = "rootcause/taxonomy/taxonomy.yaml";
    /** The taxonomy file inside a bundle folder written by {@code train-causes}. */
    public static final String BUNDLE_FILE = "taxonomy.yaml";

    private static final Set<String> TOP_FIELDS = Set.of("id", "version", "articles", "groups", "causes", "semantic", "background", "training");
    private static final Set<String> TRAINING_FIELDS = Set.of("text", "shows", "unknown");
    private static final Set<String> SEMANTIC_FIELDS = Set.of("decision", "threshold", "margin", "min_tokens");
    private static final Set<String> ARTICLE_FIELDS = Set.of("file", "title");
    private static final Set<String> GROUP_FIELDS = Set.of("id", "name");
    private static final Set<String> CAUSE_FIELDS =
            Set.of("id", "name", "group", "description", "articles", "patterns", "examples", "counter_examples",
                    "threshold", "fallback");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern ARTICLE_FILE = Pattern.compile("\\d{3}_[0-9a-f]{16}\\.txt");

    private TaxonomyLoader() {}

    /** The taxonomy shipped in the application jar. */
    public static Taxonomy loadDefault() {
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** A taxonomy file chosen by the analyst, or a bundle folder from {@code train-causes} (its {@value #BUNDLE_FILE}). */
    public static Taxonomy load(Path file) {
        Path yaml = Files.isDirectory(file) ? file.resolve(BUNDLE_FILE) : file;
        return parse(text(file), yaml.toString());
    }

    /** The YAML text of a taxonomy file, or of the built-in one when {@code file} is null. */
    public static String text(Path file) {
        if (file != null) {
            try {
                return Files.readString(Files.isDirectory(file) ? file.resolve(BUNDLE_FILE) : file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read taxonomy file " + file, e);
            }
        }
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** SHA-256 of a taxonomy's YAML text (examples, thresholds and training sentences included), for the manifest. */
    public static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text(file).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    public static Taxonomy parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ConfigException("taxonomy " + source, List.of(source + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "")));
        }
        return new Reader(source).read(root);
    }

    /** One validation pass over one file; collects problems instead of stopping at the first. */
    private static final class Reader {
        private final String source;
        private final List<String> problems = new ArrayList<>();

        Reader(String source) {
            this.source = source;
        }

        Taxonomy read(JsonNode root) {
            if (root == null || !root.isObject()) {
                problem("(root)", "must be a mapping with keys " + sorted(TOP_FIELDS), root);
                throw new ConfigException("taxonomy " + source, problems);
            }
            unknownFields(root, "", TOP_FIELDS);
            String id = requiredId(root, "id");
            String version = requiredText(root, "version", "");

            Set<String> articleFiles = new HashSet<>();
            for (Item a : list(root, "articles")) {
                unknownFields(a.node, a.path + ".", ARTICLE_FIELDS);
                String file = requiredText(a.node, "file", a.path + ".");
                requiredText(a.node, "title", a.path + ".");
                if (file != null) {
                    if (!ARTICLE_FILE.matcher(file).matches()) {
                        problem(a.path + ".file", "must be an article file name like 002_3ef7b878b17526cb.txt", file);
                    } else if (!articleFiles.add(file)) {
                        problem(a.path + ".file", "duplicate article file", file);
                    }
                }
            }

            List<CauseGroup> groups = new ArrayList<>();
            Set<String> groupIds = new HashSet<>();
            for (Item g : list(root, "groups")) {
                unknownFields(g.node, g.path + ".", GROUP_FIELDS);
                String gid = requiredId(g.node, g.path + ".id");
                String name = requiredText(g.node, "name", g.path + ".");
                if (gid != null && !groupIds.add(gid)) {
                    problem(g.path + ".id", "duplicate group id", gid);
                }
                groups.add(new CauseGroup(gid, name));
            }

            SemanticSettings semantic = semantic(root);
            List<Cause> causes = new ArrayList<>();
            Set<String> causeIds = new HashSet<>();
            for (Item c : list(root, "causes")) {
                String p = c.path + ".";
                unknownFields(c.node, p, CAUSE_FIELDS);
                String cid = requiredId(c.node, p + "id");
                if (cid != null && (cid.equals(rootcause.model.Columns.UNCLASSIFIED) || !causeIds.add(cid))) {
                    problem(p + "id", cid.equals(rootcause.model.Columns.UNCLASSIFIED)
                            ? "'unclassified' is reserved for complaints no cause matched" : "duplicate cause id", cid);
                }
                String name = requiredText(c.node, "name", p);
                String group = requiredText(c.node, "group", p);
                if (group != null && !groupIds.contains(group)) {
                    problem(p + "group", "unknown group; allowed: " + sorted(groupIds), group);
                }
                String description = requiredText(c.node, "description", p);
                List<String> articles = strings(c.node, p, "articles", true);
                for (int k = 0; k < articles.size(); k++) {
                    if (!articleFiles.contains(articles.get(k))) {
                        problem(p + "articles[" + k + "]", "unknown article file; allowed: " + sorted(articleFiles),
                                articles.get(k));
                    }
                }
                List<String> patterns = strings(c.node, p, "patterns", true);
                Set<String> seen = new HashSet<>();
                for (int k = 0; k < patterns.size(); k++) {
                    String pattern = patterns.get(k);
                    try {
                        LemmaPattern.parse(pattern);
                    } catch (IllegalArgumentException e) {
                        problem(p + "patterns[" + k + "]", "bad pattern: " + e.getMessage(), pattern);
                    }
                    if (!seen.add(pattern.trim())) {
                        problem(p + "patterns[" + k + "]", "duplicate pattern in this cause", pattern);
                    }
                }
                List<String> examples = strings(c.node, p, "examples", false);
                List<String> counterExamples = strings(c.node, p, "counter_examples", false);
                Double threshold = similarity(c.node, p, "threshold");
                if (semantic != null && examples.isEmpty()) {
                    problem(p + "examples", "the semantic layer needs at least one example per cause", null);
                }
                boolean fallback = false;
                JsonNode fb = c.node.get("fallback");
                if (fb != null && !fb.isNull()) {
                    if (fb.isBoolean()) {
                        fallback = fb.booleanValue();
                    } else {
                        problem(p + "fallback", "must be true or false", fb);
                    }
                }
                causes.add(new Cause(cid, name, group, description, articles, patterns, examples, counterExamples,
                        threshold, fallback));
            }
            if (semantic != null) {
                semantic = semantic.withTraining(training(root, causeIds));
            } else if (root.has("training") || root.has("background")) {
                problem(root.has("training") ? "training" : "background", "needs a semantic: block", null);
            }
            if (!problems.isEmpty()) {
                throw new ConfigException("taxonomy " + source, problems);
            }
            return new Taxonomy(id, version, groups, causes, semantic);
        }

        /** The {@code semantic:} block, or null when absent (patterns only). */
        private SemanticSettings semantic(JsonNode root) {
            JsonNode node = root.get("semantic");
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                problem("semantic", "must be a mapping with keys " + sorted(SEMANTIC_FIELDS), node);
                return null;
            }
            unknownFields(node, "semantic.", SEMANTIC_FIELDS);
            Double threshold = similarity(node, "semantic.", "threshold");
            if (threshold == null && !node.has("threshold")) {
                problem("semantic.threshold", "missing; must be a number in (0, 1]", null);
            }
            Double margin = 0.0;
            JsonNode m = node.get("margin");
            if (m != null && !m.isNull()) {
                if (m.isNumber() && m.doubleValue() >= 0 && m.doubleValue() < 1) {
                    margin = m.doubleValue();
                } else {
                    problem("semantic.margin", "must be a number in [0, 1)", m);
                }
            }
            int minTokens = 1;
            JsonNode t = node.get("min_tokens");
            if (t != null && !t.isNull()) {
                if (t.canConvertToInt() && t.isIntegralNumber() && t.intValue() >= 1) {
                    minTokens = t.intValue();
                } else {
                    problem("semantic.min_tokens", "must be a whole number >= 1", t);
                }
            }
            SemanticSettings.Decision decision = SemanticSettings.Decision.LINEAR;
            JsonNode d = node.get("decision");
            if (d != null && !d.isNull()) {
                decision = SemanticSettings.Decision.of(d.asText());
                if (decision == null) {
                    problem("semantic.decision", "must be linear or nearest_example", d);
                }
            }
            List<String> background = strings(root, "", "background", false);
            return threshold == null || decision == null ? null
                    : new SemanticSettings(decision, threshold, margin, minTokens, background, List.of());
        }

        /** The optional {@code training:} list of labelled sentences. */
        private List<TrainingSentence> training(JsonNode root, Set<String> causeIds) {
            List<TrainingSentence> out = new ArrayList<>();
            JsonNode node = root.get("training");
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isArray()) {
                problem("training", "must be a list of mappings with keys " + sorted(TRAINING_FIELDS), node);
                return out;
            }
            for (int k = 0; k < node.size(); k++) {
                String p = "training[" + k + "].";
                JsonNode t = node.get(k);
                if (!t.isObject()) {
                    problem("training[" + k + "]", "must be a mapping", t);
                    continue;
                }
                unknownFields(t, p, TRAINING_FIELDS);
                String text = requiredText(t, "text", p);
                List<String> shows = strings(t, p, "shows", false);
                List<String> unknown = strings(t, p, "unknown", false);
                for (String c : concat(shows, unknown)) {
                    if (!causeIds.contains(c)) {
                        problem(p + "shows/unknown", "unknown cause id", c);
                    }
                }
                if (text != null) {
                    out.add(new TrainingSentence(text, shows, unknown));
                }
            }
            return out;
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        /** An optional similarity in (0, 1]; null when absent or invalid (a problem is recorded). */
        private Double similarity(JsonNode parent, String prefix, String field) {
            JsonNode v = parent.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isNumber() || v.doubleValue() <= 0 || v.doubleValue() > 1) {
                problem(prefix + field, "must be a number in (0, 1]", v);
                return null;
            }
            return v.doubleValue();
        }

        private record Item(JsonNode node, String path) {
        }

        private List<Item> list(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            List<Item> items = new ArrayList<>();
            if (node == null || node.isNull()) {
                problem(field, "missing; must be a non-empty list", null);
            } else if (!node.isArray() || node.isEmpty()) {
                problem(field, "must be a non-empty list", node);
            } else {
                for (int k = 0; k < node.size(); k++) {
                    if (node.get(k).isObject()) {
                        items.add(new Item(node.get(k), field + "[" + k + "]"));
                    } else {
                        problem(field + "[" + k + "]", "must be a mapping", node.get(k));
                    }
                }
            }
            return items;
        }

        private List<String> strings(JsonNode parent, String prefix, String field, boolean required) {
            JsonNode node = parent.get(field);
            List<String> values = new ArrayList<>();
            if (node == null || node.isNull()) {
                if (required) {
                    problem(prefix + field, "missing; must be a non-empty list of strings", null);
                }
                return values;
            }
            if (!node.isArray() || (required && node.isEmpty())) {
                problem(prefix + field, "must be a" + (required ? " non-empty" : "") + " list of strings", node);
                return values;
            }
            for (int k = 0; k < node.size(); k++) {
                JsonNode v = node.get(k);
                if (!v.isTextual() || v.asText().isBlank()) {
                    problem(prefix + field + "[" + k + "]", "must be a non-empty string" + (v.isArray() ? " (quote a pattern that starts with [)" : ""), v);
                } else {
                    values.add(v.asText());
                }
            }
            return values;
        }

        private String requiredText(JsonNode parent, String field, String prefix) {
            JsonNode v = parent.get(field);
            if (v == null || v.isNull()) {
                problem(prefix + field, "missing; must be a non-empty string", null);
                return null;
            }
            if (!v.isValueNode() || v.asText().isBlank()) {
                problem(prefix + field, "must be a non-empty string", v);
                return null;
            }
            return v.asText();
        }

        /** {@code path} is the full key path; its last segment is the field name. */
        private String requiredId(JsonNode parent, String path) {
            String field = path.substring(path.lastIndexOf('.') + 1);
            String prefix = path.substring(0, path.length() - field.length());
            String value = requiredText(parent, field, prefix);
            if (value != null && !ID.matcher(value).matches()) {
                problem(path, "must be lower case letters, digits and '_', starting with a letter", value);
                return null;
            }
            return value;
        }

        private void unknownFields(JsonNode node, String prefix, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!allowed.contains(f)) {
                    problem(prefix + f, "unknown field; allowed: " + sorted(allowed), null);
                }
            }
        }

        private void problem(String keyPath, String what, Object value) {
            String found = value == null ? "" : " (found: " + (value instanceof JsonNode n && n.isTextual()
                    ? "'" + n.asText() + "'" : value instanceof String s ? "'" + s + "'" : value) + ")";
            problems.add(source + ": " + keyPath + ": " + what + found);
        }

        private static List<String> sorted(Set<String> values) {
            return values.stream().sorted().toList();
        }
    }
}
