package rootcause.classify;

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

    private static final Set<String> TOP_FIELDS = Set.of("id", "version", "articles", "groups", "causes");
    private static final Set<String> ARTICLE_FIELDS = Set.of("file", "title");
    private static final Set<String> GROUP_FIELDS = Set.of("id", "name");
    private static final Set<String> CAUSE_FIELDS =
            Set.of("id", "name", "group", "description", "articles", "patterns", "examples", "fallback");
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

    /** A taxonomy file chosen by the analyst. */
    public static Taxonomy load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read taxonomy file " + file, e);
        }
    }

    /** Parses YAML text; {@code source} names it in error messages. */
    public static Taxonomy parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new TaxonomyException(source, List.of(source + ": not valid YAML: " + e.getOriginalMessage()
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
                throw new TaxonomyException(source, problems);
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
                boolean fallback = false;
                JsonNode fb = c.node.get("fallback");
                if (fb != null && !fb.isNull()) {
                    if (fb.isBoolean()) {
                        fallback = fb.booleanValue();
                    } else {
                        problem(p + "fallback", "must be true or false", fb);
                    }
                }
                causes.add(new Cause(cid, name, group, description, articles, patterns, examples, fallback));
            }
            if (!problems.isEmpty()) {
                throw new TaxonomyException(source, problems);
            }
            return new Taxonomy(id, version, groups, causes);
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
