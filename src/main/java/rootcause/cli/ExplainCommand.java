package rootcause.cli;

import picocli.CommandLine;
import rootcause.sentiment.SentimentModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rootcause.classify.CauseSignal;
import rootcause.classify.ComplaintClassifier;
import rootcause.classify.Explanation;
import rootcause.classify.SignalCombiner;
import rootcause.classify.SignalHit;
import rootcause.model.Evidence;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.model.CauseMatch;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
        Explanation explained = Explanation.of(complaint, taxonomy, SentimentModelFile.named(sentimentModel));
        ComplaintClassifier classifier = explained.classifier();
        DocumentAnalysis doc = explained.document();
        SignalCombiner.Combination combination = explained.combination();
        PrintWriter out = spec.commandLine().getOut();

        out.printf(Locale.ROOT, "taxonomy %s %s (%d causes), signals %s%s, combined as %s%n", taxonomy.id(), taxonomy.version(),
                taxonomy.causes().size(), classifier.signals().stream().map(CauseSignal::name).collect(Collectors.joining(" + ")),
                taxonomy.hasSemanticLayer() ? " (" + taxonomy.semantic() + ")" : "", classifier.matcher().combiner().describe());
        out.printf(Locale.ROOT, "document sentiment %.2f (%s; sentiment model %s), %d sentence(s)%n%n",
                doc.sentimentScore(), doc.sentimentLabel(), explained.sentiment().location(), doc.sentences().size());
        for (Explanation.SentenceJudgements sj : explained.sentences()) {
            SentenceAnalysis s = sj.sentence();
            out.printf(Locale.ROOT, "[%d] polarity %.2f, CoreNLP %s: %s%n", s.index(), s.polarity(), sentimentText(s.sentiment()), s.text());
            out.printf("    lemmas: %s%n", String.join(" ", s.lemmas()));
            for (Explanation.SignalJudgements j : sj.signals()) {
                printSignal(out, taxonomy, j);
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

    /** One signal on one sentence: its hits with what the combination made of them, then the misses worth showing. */
    private static void printSignal(PrintWriter out, Taxonomy taxonomy, Explanation.SignalJudgements j) {
        CauseSignal signal = j.signal();
        if (j.fired().isEmpty()) {
            out.printf("    no %s matched%n", signal.name());
        }
        for (Explanation.Judged judged : j.fired()) {
            SignalHit h = judged.hit();
            if (judged.counts()) {
                out.printf("    MATCH %s (%s): %s%n", h.causeId(), taxonomy.cause(h.causeId()).group(), signal.describe(h));
            } else {
                out.printf("    %s %s: %s but %s%n", judged.verdict().label(), h.causeId(), signal.describe(h), judged.verdict().why());
            }
        }
        for (SignalHit h : j.misses()) {
            out.printf("    %s %s: %s but %s%n", signal.missLabel(), h.causeId(), signal.describe(h), h.reason());
        }
    }

    private static String sentimentText(int c) {
        List<String> labels = DocumentAnalysis.SENTIMENT_LABELS;
        return c >= 0 && c < labels.size() ? "sentiment " + c + " (" + labels.get(c) + ")" : "sentiment unknown (too long to parse)";
    }
}
