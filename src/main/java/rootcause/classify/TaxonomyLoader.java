package rootcause.classify;

import rootcause.embed.Encoder;
import rootcause.model.ConfigProblems;
import rootcause.model.YamlConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
                    "classpath:" + DEFAULT_RESOURCE, TaxonomyLoader::defaultSibling);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** A taxonomy file chosen by the analyst, or a bundle folder from {@code train-causes} (its {@value #BUNDLE_FILE}). */
    public static Taxonomy load(Path file) {
        Path yaml = Files.isDirectory(file) ? file.resolve(BUNDLE_FILE) : file;
        Path folder = yaml.toAbsolutePath().getParent();
        return parse(text(file), yaml.toString(), name -> {
            Path sibling = folder.resolve(name);
            try {
                return Files.isRegularFile(sibling) ? Files.readAllBytes(sibling) : null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + sibling, e);
            }
        });
    }

    /** A file beside the built-in taxonomy (its trained head), or null. */
    private static byte[] defaultSibling(String name) {
        String resource = DEFAULT_RESOURCE.substring(0, DEFAULT_RESOURCE.lastIndexOf('/') + 1) + name;
        try (InputStream in = TaxonomyLoader.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The files a taxonomy refers to by name ({@code semantic.head}), read from beside it: its folder, or the
     * class path for the built-in one. A name it cannot find gives null.
     */
    @FunctionalInterface
    public interface Siblings {
        byte[] read(String name);
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

    /**
     * SHA-256 of a taxonomy's YAML text (examples, thresholds and training sentences included) and of the trained
     * head it names, for the manifest and the up-to-date check.
     */
    public static String sha256(Path file) {
        try {
            String yaml = text(file);
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            TaxonomyFile.Root root = YamlConfig.bind(yaml, TaxonomyFile.Root.class, new ConfigProblems("taxonomy"));
            String name = root == null || root.semantic() == null ? null : root.semantic().head();
            if (name != null) {
                byte[] bytes;
                if (file == null) {
                    bytes = defaultSibling(name);
                } else {
                    Path sibling = (Files.isDirectory(file) ? file.resolve(BUNDLE_FILE) : file).toAbsolutePath().getParent().resolve(name);
                    bytes = Files.isRegularFile(sibling) ? Files.readAllBytes(sibling) : null;
                }
                if (bytes != null) {
                    digest.update(bytes);
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trained head of taxonomy " + file, e);
        }
    }


    /** Parses YAML text that refers to no other file; {@code source} names it in error messages. */
    public static Taxonomy parse(String yaml, String source) {
        return parse(yaml, source, name -> null);
    }

    /** Parses YAML text whose referenced files {@code siblings} reads; {@code source} names it in error messages. */
    public static Taxonomy parse(String yaml, String source, Siblings siblings) {
        ConfigProblems problems = new ConfigProblems(source);
        TaxonomyFile.Root root = YamlConfig.bind(yaml, TaxonomyFile.Root.class, problems);
        Taxonomy taxonomy = root == null ? null : new Reader(problems, siblings).read(root);
        problems.throwIfAny("taxonomy " + source);
        return taxonomy;
    }

    /** Validates one bound file; collects problems instead of stopping at the first. */
    private static final class Reader {
        private final ConfigProblems problems;
        private final Siblings siblings;

        Reader(ConfigProblems problems, Siblings siblings) {
            this.problems = problems;
            this.siblings = siblings;
        }

        Taxonomy read(TaxonomyFile.Root root) {
            String id = id("id", root.id());
            String version = problems.required("version", root.version());

            Set<String> articleFiles = new HashSet<>();
            List<TaxonomyFile.Article> articles = list("articles", root.articles());
            for (int i = 0; i < articles.size(); i++) {
                String p = "articles[" + i + "].";
                String file = problems.required(p + "file", articles.get(i).file());
                problems.required(p + "title", articles.get(i).title());
                if (problems.matching(p + "file", file, ARTICLE_FILE,
                        "must be an article file name like 002_3ef7b878b17526cb.txt") != null && !articleFiles.add(file)) {
                    problems.add(p + "file", "duplicate article file", file);
                }
            }

            List<CauseGroup> groups = new ArrayList<>();
            Set<String> groupIds = new HashSet<>();
            List<TaxonomyFile.Group> rawGroups = list("groups", root.groups());
            for (int i = 0; i < rawGroups.size(); i++) {
                String p = "groups[" + i + "].";
                String gid = id(p + "id", rawGroups.get(i).id());
                String name = problems.required(p + "name", rawGroups.get(i).name());
                if (gid != null && !groupIds.add(gid)) {
                    problems.add(p + "id", "duplicate group id", gid);
                }
                groups.add(new CauseGroup(gid, name));
            }

            SemanticSettings semantic = semantic(root);
            List<Cause> causes = new ArrayList<>();
            Set<String> causeIds = new HashSet<>();
            List<TaxonomyFile.RawCause> rawCauses = list("causes", root.causes());
            for (int i = 0; i < rawCauses.size(); i++) {
                TaxonomyFile.RawCause c = rawCauses.get(i);
                String p = "causes[" + i + "].";
                String cid = id(p + "id", c.id());
                if (cid != null && (cid.equals(rootcause.model.Columns.UNCLASSIFIED) || !causeIds.add(cid))) {
                    problems.add(p + "id", cid.equals(rootcause.model.Columns.UNCLASSIFIED)
                            ? "'unclassified' is reserved for complaints no cause matched" : "duplicate cause id", cid);
                }
                String name = problems.required(p + "name", c.name());
                String group = problems.required(p + "group", c.group());
                if (group != null && !groupIds.contains(group)) {
                    problems.add(p + "group", "unknown group; allowed: " + ConfigProblems.sorted(groupIds), group);
                }
                String description = problems.required(p + "description", c.description());
                List<String> causeArticles = problems.strings(p + "articles", c.articles(), true);
                for (int k = 0; k < causeArticles.size(); k++) {
                    if (!articleFiles.contains(causeArticles.get(k))) {
                        problems.add(p + "articles[" + k + "]", "unknown article file; allowed: "
                                + ConfigProblems.sorted(articleFiles), causeArticles.get(k));
                    }
                }
                List<String> patterns = problems.strings(p + "patterns", c.patterns(), true);
                Set<String> seen = new HashSet<>();
                for (int k = 0; k < patterns.size(); k++) {
                    String pattern = patterns.get(k);
                    try {
                        LemmaPattern.parse(pattern);
                    } catch (IllegalArgumentException e) {
                        problems.add(p + "patterns[" + k + "]", "bad pattern: " + e.getMessage(), pattern);
                    }
                    if (!seen.add(pattern.trim())) {
                        problems.add(p + "patterns[" + k + "]", "duplicate pattern in this cause", pattern);
                    }
                }
                List<String> examples = problems.strings(p + "examples", c.examples(), false);
                List<String> counterExamples = problems.strings(p + "counter_examples", c.counterExamples(), false);
                Double threshold = similarity(p + "threshold", c.threshold());
                if (semantic != null && examples.isEmpty()) {
                    problems.add(p + "examples", "the semantic layer needs at least one example per cause", null);
                }
                causes.add(new Cause(cid, name, group, description, causeArticles, patterns, examples,
                        counterExamples, threshold, Boolean.TRUE.equals(c.fallback())));
            }
            if (semantic != null && semantic.decision() == SemanticSettings.Decision.HEAD && root.training() != null) {
                problems.add("training", "a trained head takes no training sentences at run time; train-causes folds"
                        + " them into the head file it writes", null);
            } else if (semantic != null) {
                semantic = semantic.withTraining(training(root.training(), causeIds));
            } else if (root.semantic() == null && (root.training() != null || root.background() != null)) {
                // Only when the block is absent: an invalid block has already said what is wrong with it.
                problems.add(root.training() != null ? "training" : "background", "needs a semantic: block", null);
            }
            return problems.isEmpty() ? new Taxonomy(id, version, groups, causes, semantic) : null;
        }

        /** The {@code semantic:} block, or null when absent (patterns only) or invalid. */
        private SemanticSettings semantic(TaxonomyFile.Root root) {
            TaxonomyFile.Semantic node = root.semantic();
            if (node == null) {
                return null;
            }
            Double threshold = similarity("semantic.threshold", node.threshold());
            if (node.threshold() == null) {
                problems.add("semantic.threshold", "missing; must be a number in (0, 1]", null);
            }
            double margin = 0.0;
            if (node.margin() != null) {
                if (node.margin() >= 0 && node.margin() < 1) {
                    margin = node.margin();
                } else {
                    problems.add("semantic.margin", "must be a number in [0, 1)", node.margin());
                }
            }
            int minTokens = 1;
            if (node.minTokens() != null) {
                if (node.minTokens() >= 1) {
                    minTokens = node.minTokens();
                } else {
                    problems.add("semantic.min_tokens", "must be a whole number >= 1", node.minTokens());
                }
            }
            SemanticSettings.Decision decision = SemanticSettings.Decision.LINEAR;
            if (node.decision() != null) {
                decision = SemanticSettings.Decision.of(node.decision());
                if (decision == null) {
                    problems.add("semantic.decision", "must be linear, head or nearest_example", node.decision());
                }
            }
            Encoder encoder = Encoder.BASE;
            if (node.encoder() != null) {
                encoder = Encoder.of(node.encoder());
                if (encoder == null) {
                    problems.add("semantic.encoder", "must be one of " + java.util.Arrays.stream(Encoder.values())
                            .map(Encoder::id).toList(), node.encoder());
                }
            }
            LinearCauseModel head = null;
            if (decision == SemanticSettings.Decision.HEAD) {
                head = head(node.head(), root);
            } else if (node.head() != null) {
                problems.add("semantic.head", "only decision: head reads a trained head", node.head());
            }
            double confirm = 0.0;
            if (node.confirmPatterns() != null) {
                if (decision != SemanticSettings.Decision.HEAD) {
                    problems.add("semantic.confirm_patterns", "only a trained head (decision: head) confirms patterns", node.confirmPatterns());
                } else if (node.confirmPatterns() >= 0 && node.confirmPatterns() < 1) {
                    confirm = node.confirmPatterns();
                } else {
                    problems.add("semantic.confirm_patterns", "must be a number in [0, 1): 0 is the union", node.confirmPatterns());
                }
            }
            List<String> background = problems.strings("background", root.background(), false);
            return threshold == null || decision == null || encoder == null
                    || (decision == SemanticSettings.Decision.HEAD && head == null) ? null
                    : new SemanticSettings(decision, threshold, margin, minTokens, background, List.of(), encoder, head, confirm);
        }

        /** The trained head {@code semantic.head} names: a JSON file beside the taxonomy, one row per cause. */
        private LinearCauseModel head(String name, TaxonomyFile.Root root) {
            if (name == null) {
                problems.add("semantic.head", "decision: head needs the file of the trained head", null);
                return null;
            }
            byte[] bytes = siblings.read(name);
            if (bytes == null) {
                problems.add("semantic.head", "no such file beside the taxonomy (a copy of the built-in taxonomy needs a copy"
                        + " of its head too: src/main/resources/rootcause/taxonomy/" + name + ", or pass a train-causes bundle folder)", name);
                return null;
            }
            try {
                CauseHeadFile file = new com.fasterxml.jackson.databind.ObjectMapper()
                        .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                        .readValue(bytes, CauseHeadFile.class);
                List<String> taxonomyCauses = root.causes() == null ? List.of()
                        : root.causes().stream().map(TaxonomyFile.RawCause::id).toList();
                if (file.causes() == null || file.weights() == null || file.bias() == null) {
                    problems.add("semantic.head", "needs causes, weights and bias", name);
                    return null;
                }
                if (!new HashSet<>(file.causes()).equals(new HashSet<>(taxonomyCauses))) {
                    problems.add("semantic.head", "its causes are not the taxonomy's causes: " + file.causes(), name);
                    return null;
                }
                // Rows in the taxonomy's cause order, whatever order the file keeps.
                double[][] weights = new double[taxonomyCauses.size()][];
                double[] bias = new double[taxonomyCauses.size()];
                for (int i = 0; i < taxonomyCauses.size(); i++) {
                    int k = file.causes().indexOf(taxonomyCauses.get(i));
                    weights[i] = file.weights().get(k);
                    bias[i] = file.bias().get(k);
                    if (weights[i] == null || weights[i].length != rootcause.embed.SentenceEmbedder.DIMENSION) {
                        problems.add("semantic.head", "cause " + taxonomyCauses.get(i) + " needs "
                                + rootcause.embed.SentenceEmbedder.DIMENSION + " weights", name);
                        return null;
                    }
                }
                return LinearCauseModel.of(taxonomyCauses, weights, bias, file.encoderSha256());
            } catch (IOException e) {
                problems.add("semantic.head", "not a head file (" + e.getMessage().lines().findFirst().orElse("") + ")", name);
                return null;
            }
        }

        /** The optional {@code training:} list of labelled sentences. */
        private List<TrainingSentence> training(List<TaxonomyFile.Training> training, Set<String> causeIds) {
            List<TrainingSentence> out = new ArrayList<>();
            for (int k = 0; training != null && k < training.size(); k++) {
                String p = "training[" + k + "].";
                TaxonomyFile.Training t = training.get(k);
                if (t == null) {
                    problems.add("training[" + k + "]", "must be a mapping", null);
                    continue;
                }
                String text = problems.required(p + "text", t.text());
                List<String> shows = problems.strings(p + "shows", t.shows(), false);
                List<String> unknown = problems.strings(p + "unknown", t.unknown(), false);
                for (String c : concat(shows, unknown)) {
                    if (!causeIds.contains(c)) {
                        problems.add(p + "shows/unknown", "unknown cause id", c);
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
        private Double similarity(String path, Double value) {
            if (value != null && (value <= 0 || value > 1)) {
                problems.add(path, "must be a number in (0, 1]", value);
                return null;
            }
            return value;
        }

        /** A required non-empty list of mappings; null entries are problems and left out. */
        private <T> List<T> list(String field, List<T> values) {
            if (values == null || values.isEmpty()) {
                problems.add(field, (values == null ? "missing; " : "") + "must be a non-empty list", values);
                return List.of();
            }
            List<T> items = new ArrayList<>();
            for (int k = 0; k < values.size(); k++) {
                if (values.get(k) == null) {
                    problems.add(field + "[" + k + "]", "must be a mapping", null);
                } else {
                    items.add(values.get(k));
                }
            }
            return items;
        }

        private String id(String path, String value) {
            return problems.matching(path, problems.required(path, value), ID,
                    "must be lower case letters, digits and '_', starting with a letter");
        }
    }
}
