package rootcause.cli;

import picocli.CommandLine;
import rootcause.sentiment.PolarityModel;
import rootcause.sentiment.SentimentModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rootcause.classify.CauseMatcher;
import rootcause.classify.ComplaintClassifier;
import rootcause.classify.ExampleMatcher;
import rootcause.classify.ModelHit;
import rootcause.embed.SentenceEmbedder;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code explain}: shows how one complaint text is split, scored and classified, and why. No Spark needed. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain how one complaint is classified: sentences, sentiment, which pattern matched which "
                + "words, which examples the semantic layer found close, and why a cause did not fire.")
public final class ExplainCommand implements Callable<Integer> {
    /** Causes the model did not match that explain shows per sentence, nearest first. */
    private static final int NEAR_MISSES = 3;
    private static final String[] SENTIMENT = {"very negative", "negative", "neutral", "positive", "very positive"};

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
        CauseMatcher matcher = classifier.patterns();
        SentimentModelFile sentiment = SentimentModelFile.named(sentimentModel);
        PolarityModel polarity = sentiment.model();
        NlpSettings settings = polarity.needsParser() ? NlpSettings.defaults() : NlpSettings.defaults().withoutParser();
        DocumentAnalysis doc = polarity.apply(SentimentAnalyzer.shared(settings).analyze(complaint));
        PrintWriter out = spec.commandLine().getOut();

        out.printf(Locale.ROOT, "taxonomy %s %s (%d causes), %s%n", taxonomy.id(), taxonomy.version(), taxonomy.causes().size(),
                taxonomy.hasSemanticLayer() ? "patterns + semantic layer (" + taxonomy.semantic()
                        + (taxonomy.semantic().confirm() > 0 ? ")" : ", combined as a union)") : "patterns only");
        out.printf(Locale.ROOT, "document sentiment %.2f (%s; sentiment model %s), %d sentence(s)%n%n",
                doc.sentimentScore(), doc.sentimentLabel(), sentiment.location(), doc.sentences().size());
        for (SentenceAnalysis s : doc.sentences()) {
            out.printf(Locale.ROOT, "[%d] polarity %.2f, CoreNLP %s: %s%n", s.index(), s.polarity(), sentimentText(s.sentiment()), s.text());
            out.printf("    lemmas: %s%n", String.join(" ", s.lemmas()));
            List<CauseMatcher.Hit> hits = matcher.hits(s.lemmas());
            if (hits.isEmpty()) {
                out.println("    no pattern matched");
            }
            List<ModelHit> modelHits = hits.isEmpty() ? List.of() : classifier.modelHits(List.of(s)).getOrDefault(s.index(), List.of());
            for (CauseMatcher.Hit h : hits) {
                if (h.counts() && !matcher.confirmed(h.causeId(), s, modelHits)) {
                    out.printf(Locale.ROOT, "    not confirmed %s: pattern \"%s\" matched \"%s\" but the model gives the cause less than %.2f here%n",
                            h.causeId(), h.pattern(), h.matchedText(), taxonomy.semantic().confirm());
                } else if (h.counts()) {
                    out.printf("    MATCH %s (%s): pattern \"%s\" matched \"%s\"%n", h.causeId(),
                            taxonomy.cause(h.causeId()).group(), h.pattern(), h.matchedText());
                } else {
                    out.printf("    suppressed %s: pattern \"%s\" matched \"%s\" but is negated by \"%s\"%n",
                            h.causeId(), h.pattern(), h.matchedText(), h.suppressedBy());
                }
            }
            if (classifier.examples() != null && s.text() != null) {
                explainModel(out, classifier.examples().scores(SentenceEmbedder.shared(classifier.taxonomy().semantic().encoder()).embed(s.text()),
                        ComplaintClassifier.tokens(s)));
            }
        }
        List<CauseMatch> matches = classifier.classify(doc.sentences());
        out.println();
        if (matches.isEmpty()) {
            out.println("causes: unclassified (no pattern matched without negation"
                    + (classifier.examples() != null ? ", and no sentence came close enough to a cause's examples)" : ")"));
        } else {
            out.println("causes:");
            for (CauseMatch m : matches) {
                out.printf(Locale.ROOT, "  %s (%s) matched by %s, sentiment %.2f from %d piece(s) of evidence%n",
                        m.causeId(), m.causeGroup(), m.matchedBy(), m.sentiment(), m.evidence().size());
                for (Evidence e : m.evidence()) {
                    out.printf(Locale.ROOT, "    [%d] %s%n", e.sentenceIndex(), Evidence.MODEL.equals(e.matchedBy())
                            ? String.format(Locale.ROOT, "model: score %.3f, nearest example \"%s\"", e.score(), e.phrase())
                            : "pattern \"" + e.phrase() + "\" matched \"" + e.matchedText() + "\"");
                }
            }
        }
        List<String> dropped = taxonomy.causes().stream().filter(c -> c.fallback())
                .filter(c -> matches.stream().noneMatch(m -> m.causeId().equals(c.id())))
                .filter(c -> doc.sentences().stream().anyMatch(s -> matcher.hits(s.lemmas()).stream()
                        .anyMatch(h -> h.counts() && h.causeId().equals(c.id()))))
                .map(c -> c.id()).toList();
        for (String id : dropped) {
            out.printf("  (%s matched but is a fallback cause: it counts only when no other cause matched)%n", id);
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    /** The semantic layer on one sentence: its model matches, and the near misses with the reason they missed. */
    private static void explainModel(PrintWriter out, List<ExampleMatcher.Score> scores) {
        List<ExampleMatcher.Score> ranked = scores.stream().filter(sc -> sc.nearestExample() != null)
                .sorted(Comparator.comparingDouble(ExampleMatcher.Score::score).reversed()).toList();
        int nearMisses = 0;
        for (ExampleMatcher.Score sc : ranked) {
            if (sc.matches()) {
                out.printf(Locale.ROOT, "    MODEL %s: %s, nearest example \"%s\"%n", sc.causeId(), sc.reason(), sc.nearestExample());
            } else if (nearMisses++ < NEAR_MISSES) {
                out.printf(Locale.ROOT, "    no model match %s: %s (nearest example \"%s\"%s)%n", sc.causeId(), sc.reason(),
                        sc.nearestExample(), sc.nearestCounter() == null ? ""
                                : String.format(Locale.ROOT, "; nearest counter-example \"%s\" %.3f", sc.nearestCounter(), sc.counterSimilarity()));
            }
        }
    }

    private static String sentimentText(int c) {
        return c >= 0 && c < SENTIMENT.length ? "sentiment " + c + " (" + SENTIMENT[c] + ")" : "sentiment unknown (too long to parse)";
    }
}
