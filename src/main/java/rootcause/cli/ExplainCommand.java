package rootcause.cli;

import rootcause.nlp.SentimentScore;
import picocli.CommandLine;
import rootcause.sentiment.PolarityModel;
import rootcause.sentiment.SentimentModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rootcause.classify.CauseSignal;
import rootcause.classify.ComplaintClassifier;
import rootcause.classify.SignalCombiner;
import rootcause.classify.SignalHit;
import rootcause.model.Evidence;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.model.CauseMatch;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.SentimentAnalyzer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code explain}: shows how one complaint text is split, scored and classified, and why: every signal's judgements
 * per sentence, and what the taxonomy's combination ({@link SignalCombiner}) made of them. No Spark needed.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain how one complaint is classified: sentences, sentiment, which pattern matched which "
                + "words, which examples the semantic layer found close, and why a cause did not fire.")
public final class ExplainCommand implements Callable<Integer> {
    /** Scored judgements that did not fire which explain shows per sentence and signal, highest first. */
    private static final int NEAR_MISSES = 3;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TEXT", description = "the complaint text (or use --file)")
    String text;

    @Option(names = "--file", paramLabel = "PATH", description = "read the complaint text from this UTF-8 file")
    Path file;

    @Option(names = "--taxonomy", paramLabel = "PATH", description = "taxonomy YAML (default: the built-in one)")
    Path taxonomyFile;

    @Option(names = "--sentiment-model", paramLabel = "MODEL",
            description = "default or a folder written by train-sentiment (default: default)")
    String sentimentModel;

    /** Runs {@code explain} on its own, without the rootcause launcher. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new ExplainCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if ((text == null) == (file == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either TEXT or --file PATH, not both or neither");
        }
        String complaint = text != null ? text : Files.readString(file);
        Taxonomy taxonomy = taxonomyFile == null ? TaxonomyLoader.loadDefault() : TaxonomyLoader.load(taxonomyFile);
        ComplaintClassifier classifier = new ComplaintClassifier(taxonomy);
        SentimentModelFile sentiment = SentimentModelFile.named(sentimentModel);
        PolarityModel polarity = sentiment.model();
        NlpSettings settings = polarity.needsParser() ? NlpSettings.defaults() : NlpSettings.defaults().withoutParser();
        DocumentAnalysis doc = polarity.apply(SentimentAnalyzer.shared(settings).analyze(complaint));
        SignalCombiner.Combination combination = classifier.combination(doc.sentences());
        Map<SignalHit, SignalCombiner.Verdict> verdicts = new HashMap<>();
        combination.verdicts().forEach(v -> verdicts.put(v.hit(), v));
        PrintWriter out = spec.commandLine().getOut();

        out.printf(Locale.ROOT, "taxonomy %s %s (%d causes), signals %s%s, combined as %s%n", taxonomy.id(), taxonomy.version(),
                taxonomy.causes().size(), classifier.signals().stream().map(CauseSignal::name).collect(Collectors.joining(" + ")),
                taxonomy.hasSemanticLayer() ? " (" + taxonomy.semantic() + ")" : "", classifier.matcher().combiner().describe());
        out.printf(Locale.ROOT, "document sentiment %.2f (%s; sentiment model %s), %d sentence(s)%n%n",
                doc.sentimentScore(), doc.sentimentLabel(), sentiment.location(), doc.sentences().size());
        for (SentenceAnalysis s : doc.sentences()) {
            out.printf(Locale.ROOT, "[%d] polarity %.2f, CoreNLP %s: %s%n", s.index(), s.polarity(), sentimentText(s.sentiment()), s.text());
            out.printf("    lemmas: %s%n", String.join(" ", s.lemmas()));
            List<SignalHit> judged = classifier.judgements(s);
            for (CauseSignal signal : classifier.signals()) {
                explainSignal(out, taxonomy, signal, judged.stream().filter(h -> h.signal().equals(signal.name())).toList(), verdicts);
            }
        }
        List<CauseMatch> matches = combination.matches();
        out.println();
        if (matches.isEmpty()) {
            out.println("causes: unclassified (no signal's hit counted: see each sentence above)");
        } else {
            out.println("causes:");
            for (CauseMatch m : matches) {
                out.printf(Locale.ROOT, "  %s (%s) matched by %s, sentiment %.2f from %d piece(s) of evidence%n",
                        m.causeId(), m.causeGroup(), m.matchedBy(), m.sentiment(), m.evidence().size());
                for (Evidence e : m.evidence()) {
                    out.printf(Locale.ROOT, "    [%d] %s \"%s\"%s%n", e.sentenceIndex(), e.matchedBy(), e.phrase(), e.score() == null
                            ? " matched \"" + e.matchedText() + "\"" : String.format(Locale.ROOT, ", score %.3f", e.score()));
                }
            }
        }
        for (String id : combination.droppedFallbacks()) {
            out.printf("  (%s matched but is a fallback cause: it counts only when no other cause matched)%n", id);
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    /**
     * One signal on one sentence: its hits with what the combination made of them, then the judgements that did not
     * fire with their reason (every unscored one, the {@value #NEAR_MISSES} highest scored ones).
     */
    private static void explainSignal(PrintWriter out, Taxonomy taxonomy, CauseSignal signal, List<SignalHit> judged,
                                      Map<SignalHit, SignalCombiner.Verdict> verdicts) {
        List<SignalHit> fired = judged.stream().filter(SignalHit::fires).toList();
        if (fired.isEmpty()) {
            out.printf("    no %s matched%n", signal.name());
        }
        for (SignalHit h : fired) {
            SignalCombiner.Verdict v = verdicts.get(h);
            if (v == null || v.counts()) {
                out.printf("    MATCH %s (%s): %s%n", h.causeId(), taxonomy.cause(h.causeId()).group(), signal.describe(h));
            } else {
                out.printf("    %s %s: %s but %s%n", v.label(), h.causeId(), signal.describe(h), v.why());
            }
        }
        List<SignalHit> misses = judged.stream().filter(h -> !h.fires()).toList();
        List<SignalHit> shown = new java.util.ArrayList<>(misses.stream().filter(h -> h.score() == null).toList());
        misses.stream().filter(h -> h.score() != null).sorted(Comparator.comparingDouble(SignalHit::score).reversed())
                .limit(NEAR_MISSES).forEach(shown::add);
        for (SignalHit h : shown) {
            out.printf("    %s %s: %s but %s%n", signal.missLabel(), h.causeId(), signal.describe(h), h.reason());
        }
    }

    private static String sentimentText(int c) {
        return c >= 0 && c < SentimentScore.LABELS.length ? "sentiment " + c + " (" + SentimentScore.LABELS[c] + ")" : "sentiment unknown (too long to parse)";
    }
}
