package rootcause.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rootcause.classify.Cause;
import rootcause.classify.CauseMatcher;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.model.CauseMatch;
import rootcause.model.DocumentAnalysis;
import rootcause.nlp.LemmaAnalyzer;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.SentimentAnalyzer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code evaluate-taxonomy}: scores the taxonomy against hand labels and real exports. Runs on the driver,
 * without Spark: precision/recall/F1 per cause on {@code eval/labels.csv}, airline checks against the dataset's
 * own negative reasons, and the unclassified share of negative complaints per export.
 */
@Command(name = "evaluate-taxonomy", mixinStandardHelpOptions = true,
        description = "Score the root-cause taxonomy on hand labels and on the real exports.")
public final class EvaluateTaxonomyCommand implements Callable<Integer> {
    static final String CFPB_2015 = "cfpb_complaints_sample_2015_2020.csv";
    static final String CFPB_2023 = "cfpb_complaints_export_2023_payday_personal_loans_narratives.csv";
    static final String CFPB_2012 = "cfpb_complaints_sample_2012_2026.csv";
    static final String TWCS = "twcs_customer_support_twitter_first5000.csv";
    static final String AIRLINE = "airline_tweets_Tweets.csv";
    private static final Set<String> SERVICE_GROUPS = Set.of("people", "knowledge", "process");
    private static final Set<String> FLIGHT_OPERATIONS = Set.of("Late Flight", "Cancelled Flight", "Lost Luggage");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "directory of the real exports (default: ${DEFAULT-VALUE})")
    Path dataDir = Path.of("/work/shared/data/real");

    @Option(names = "--labels", paramLabel = "CSV", description = "hand labels: source,id,cause_ids (default: ${DEFAULT-VALUE})")
    Path labels = Path.of("eval/labels.csv");

    @Option(names = "--taxonomy", paramLabel = "PATH", description = "taxonomy YAML (default: the built-in one)")
    Path taxonomyFile;

    @Option(names = "--sample", paramLabel = "N", description = "complaints per export for the sentiment-based coverage run (default: ${DEFAULT-VALUE})")
    int sample = 120;

    @Option(names = "--skip-coverage", description = "skip the coverage run (it needs the parser and takes minutes)")
    boolean skipCoverage;

    @Option(names = "--skip-all-rows", description = "skip the unclassified share over every row (lemma-only, about 2 minutes)")
    boolean skipAllRows;

    @Option(names = "--show-errors", description = "list each labelled complaint the matcher got wrong")
    boolean showErrors;

    @Option(names = "--show-unmatched-service", paramLabel = "N",
            description = "print N Customer Service Issue tweets without a service cause (for tuning; prints tweet text)")
    int showUnmatchedService;

    @Option(names = "--exclude-from-tuning", paramLabel = "CSV",
            description = "labels file (source,id,...) whose ids --show-unmatched-service never prints: keep a held-out set unseen")
    Path excludeFromTuning;

    /** Runs {@code evaluate-taxonomy} on its own, without the rootcause launcher. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateTaxonomyCommand()).execute(args));
    }

    /** One complaint text from an export. */
    record Text(String source, String id, String text, String negativeReason) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Taxonomy taxonomy = taxonomyFile == null ? TaxonomyLoader.loadDefault() : TaxonomyLoader.load(taxonomyFile);
        CauseMatcher matcher = new CauseMatcher(taxonomy);
        LemmaAnalyzer lemmas = new LemmaAnalyzer();
        out.printf("taxonomy %s %s, %d causes%n%n", taxonomy.id(), taxonomy.version(), taxonomy.causes().size());

        Map<String, Map<String, Text>> bySource = new HashMap<>();
        bySource.put("cfpb", index(cfpb(CFPB_2015, "cfpb")));
        bySource.put("twcs", index(twcsInbound()));
        List<Text> airline = airline();
        bySource.put("airline", index(airline));
        labelled(out, taxonomy, matcher, lemmas, bySource);
        airlineChecks(out, taxonomy, matcher, lemmas, airline, excludedIds());
        if (!skipAllRows) {
            lemmaCoverage(out, matcher, lemmas, airline);
        }
        if (!skipCoverage) {
            sentimentCoverage(out, matcher, airline);
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private void labelled(PrintWriter out, Taxonomy taxonomy, CauseMatcher matcher, LemmaAnalyzer lemmas,
                          Map<String, Map<String, Text>> bySource) throws IOException {
        Map<String, int[]> counts = new LinkedHashMap<>(); // cause -> tp, fp, fn
        for (Cause c : taxonomy.causes()) {
            counts.put(c.id(), new int[3]);
        }
        int n = 0;
        int exact = 0;
        int service = 0, serviceGold = 0, servicePredicted = 0; // airline Customer Service Issue tweets in the set
        List<String> errors = new ArrayList<>();
        Map<String, String> groups = new HashMap<>();
        taxonomy.causes().forEach(c -> groups.put(c.id(), c.group()));
        try (Reader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord rec : csv) {
                Text t = bySource.getOrDefault(rec.get("source"), Map.of()).get(rec.get("id"));
                if (t == null) {
                    throw new IllegalArgumentException(labels + " line " + rec.getRecordNumber()
                            + ": no " + rec.get("source") + " complaint with id " + rec.get("id") + " in " + dataDir);
                }
                Set<String> gold = new LinkedHashSet<>(List.of(rec.get("cause_ids").trim().split("\\s+")));
                gold.remove("");
                for (String g : gold) {
                    if (!counts.containsKey(g)) {
                        throw new IllegalArgumentException(labels + " line " + rec.getRecordNumber()
                                + ": unknown cause id '" + g + "'");
                    }
                }
                Set<String> predicted = new LinkedHashSet<>();
                matcher.match(lemmas.sentences(clean(t.text()))).forEach(m -> predicted.add(m.causeId()));
                n++;
                if ("Customer Service Issue".equals(t.negativeReason())) {
                    service++;
                    if (gold.stream().anyMatch(g -> SERVICE_GROUPS.contains(groups.get(g)))) serviceGold++;
                    if (predicted.stream().anyMatch(g -> SERVICE_GROUPS.contains(groups.get(g)))) servicePredicted++;
                }
                if (predicted.equals(gold)) {
                    exact++;
                } else {
                    errors.add(t.source() + " " + t.id() + ": gold " + gold + " predicted " + predicted);
                }
                for (String c : counts.keySet()) {
                    boolean g = gold.contains(c);
                    boolean p = predicted.contains(c);
                    if (g && p) counts.get(c)[0]++;
                    else if (p) counts.get(c)[1]++;
                    else if (g) counts.get(c)[2]++;
                }
            }
        }
        out.printf("== Hand-labelled set: %d complaints (%s), lemma-only matching%n", n, labels);
        out.printf("%-26s %5s %5s %5s %7s %7s %7s%n", "cause", "tp", "fp", "fn", "prec", "recall", "f1");
        int tp = 0, fp = 0, fn = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            out.printf(Locale.ROOT, "%-26s %5d %5d %5d %7s %7s %7s%n", e.getKey(), c[0], c[1], c[2],
                    ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]), f1(c[0], c[1], c[2]));
        }
        out.printf(Locale.ROOT, "%-26s %5d %5d %5d %7s %7s %7s%n", "MICRO", tp, fp, fn,
                ratio(tp, tp + fp), ratio(tp, tp + fn), f1(tp, fp, fn));
        out.printf(Locale.ROOT, "exact label-set match: %d of %d (%s)%n", exact, n, ratio(exact, n));
        out.printf(Locale.ROOT, "airline Customer Service Issue tweets in the set with a people/knowledge/process cause:"
                + " labels %d of %d (%s), matcher %d of %d (%s)%n%n", serviceGold, service, ratio(serviceGold, service),
                servicePredicted, service, ratio(servicePredicted, service));
        if (showErrors) {
            errors.forEach(e -> out.println("  " + e));
            out.println();
        }
    }

    private void airlineChecks(PrintWriter out, Taxonomy taxonomy, CauseMatcher matcher, LemmaAnalyzer lemmas,
                               List<Text> airline, Set<String> excluded) {
        int service = 0, serviceHit = 0, ops = 0, opsPeople = 0;
        for (Text t : airline) {
            boolean isService = "Customer Service Issue".equals(t.negativeReason());
            boolean isOps = FLIGHT_OPERATIONS.contains(t.negativeReason());
            if (!isService && !isOps) {
                continue;
            }
            List<CauseMatch> m = matcher.match(lemmas.sentences(clean(t.text())));
            if (isService) {
                service++;
                if (m.stream().anyMatch(c -> SERVICE_GROUPS.contains(c.causeGroup()))) {
                    serviceHit++;
                } else if (service % 7 == 0 && !excluded.contains("airline," + t.id()) && showUnmatchedService-- > 0) {
                    out.println("  unmatched service tweet " + t.id() + ": " + t.text().replace('\n', ' '));
                }
            } else {
                ops++;
                if (m.stream().anyMatch(c -> c.causeGroup().equals("people"))) opsPeople++;
            }
        }
        out.println("== Airline tweets, against the dataset's own negativereason (all rows, lemma-only)");
        out.printf(Locale.ROOT, "Customer Service Issue tweets with a people/knowledge/process cause: %d of %d (%s; target >= 0.70)%n",
                serviceHit, service, ratio(serviceHit, service));
        out.printf(Locale.ROOT, "Late Flight/Cancelled Flight/Lost Luggage tweets with a people cause: %d of %d (%s; target <= 0.10)%n%n",
                opsPeople, ops, ratio(opsPeople, ops));
    }

    /** "source,id" of every complaint in --exclude-from-tuning (empty without the option). */
    private Set<String> excludedIds() throws IOException {
        Set<String> ids = new HashSet<>();
        if (excludeFromTuning == null) {
            return ids;
        }
        try (Reader r = Files.newBufferedReader(excludeFromTuning, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord rec : csv) {
                ids.add(rec.get("source") + "," + rec.get("id"));
            }
        }
        return ids;
    }

    private void lemmaCoverage(PrintWriter out, CauseMatcher matcher, LemmaAnalyzer lemmas, List<Text> airline)
            throws IOException {
        out.println("== Unclassified share, every complaint of each export (lemma-only, no sentiment filter)");
        for (Map.Entry<String, List<Text>> e : exports(airline).entrySet()) {
            int unclassified = 0;
            for (Text t : e.getValue()) {
                if (matcher.match(lemmas.sentences(clean(t.text()))).isEmpty()) unclassified++;
            }
            out.printf(Locale.ROOT, "%-70s %6d complaints, unclassified %s%n", e.getKey(), e.getValue().size(),
                    ratio(unclassified, e.getValue().size()));
        }
        out.println();
    }

    private void sentimentCoverage(PrintWriter out, CauseMatcher matcher, List<Text> airline) throws IOException {
        SentimentAnalyzer analyzer = SentimentAnalyzer.shared(NlpSettings.defaults());
        out.printf("== Unclassified share of NEGATIVE complaints (document sentiment < 0, shift-reduce parser),%n"
                + "   deterministic sample: the %d complaints of each export with the smallest sha1(\"rc-coverage:\" + id)%n", sample);
        for (Map.Entry<String, List<Text>> e : exports(airline).entrySet()) {
            List<Text> texts = new ArrayList<>(e.getValue());
            texts.sort(Comparator.comparing(t -> sha1("rc-coverage:" + t.id())));
            int negative = 0, unclassified = 0;
            for (Text t : texts.subList(0, Math.min(sample, texts.size()))) {
                DocumentAnalysis doc = analyzer.analyze(clean(t.text()));
                if (doc.sentimentScore() < 0) {
                    negative++;
                    if (matcher.match(doc.sentences()).isEmpty()) unclassified++;
                }
            }
            out.printf(Locale.ROOT, "%-70s %4d negative of %d sampled, unclassified %s%n", e.getKey(), negative,
                    Math.min(sample, texts.size()), ratio(unclassified, negative));
            out.flush();
        }
    }

    private Map<String, List<Text>> exports(List<Text> airline) throws IOException {
        Map<String, List<Text>> exports = new LinkedHashMap<>();
        exports.put(CFPB_2015 + " (narratives)", cfpb(CFPB_2015, "cfpb"));
        exports.put(CFPB_2023, cfpb(CFPB_2023, "cfpb2023"));
        exports.put(CFPB_2012 + " (narratives)", cfpb(CFPB_2012, "cfpb2012"));
        exports.put(TWCS + " (inbound)", twcsInbound());
        exports.put(AIRLINE, airline);
        return exports;
    }

    private List<Text> cfpb(String file, String source) throws IOException {
        return read(file, r -> !r.get("Consumer complaint narrative").isBlank() && !r.get("Consumer complaint narrative").equals("None"),
                r -> new Text(source, r.get("Complaint ID"), r.get("Consumer complaint narrative"), null));
    }

    private List<Text> twcsInbound() throws IOException {
        return read(TWCS, r -> r.isSet("inbound") && r.isSet("text") && r.get("inbound").equals("True"),
                r -> new Text("twcs", r.get("tweet_id"), r.get("text"), null));
    }

    private List<Text> airline() throws IOException {
        return read(AIRLINE, r -> r.isSet("text"),
                r -> new Text("airline", r.get("tweet_id"), r.get("text"), r.get("negativereason")));
    }

    private List<Text> read(String file, Predicate<CSVRecord> keep, java.util.function.Function<CSVRecord, Text> text)
            throws IOException {
        List<Text> texts = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(dataDir.resolve(file), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setAllowMissingColumnNames(true).build().parse(r)) {
            for (CSVRecord rec : csv) {
                if (keep.test(rec)) {
                    texts.add(text.apply(rec));
                }
            }
        }
        return texts;
    }

    /** First text per id (the airline file repeats some ids). */
    private static Map<String, Text> index(List<Text> texts) {
        Map<String, Text> byId = new HashMap<>();
        texts.forEach(t -> byId.putIfAbsent(t.id(), t));
        return byId;
    }

    /** What the clean stage does to such text that matters here: HTML entities and URLs. */
    static String clean(String text) {
        String t = URL.matcher(text).replaceAll(" ");
        return t.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'");
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) a / b);
    }

    private static String f1(int tp, int fp, int fn) {
        return tp == 0 ? (fp + fn == 0 ? "n/a" : "0.000") : String.format(Locale.ROOT, "%.3f", 2.0 * tp / (2.0 * tp + fp + fn));
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
