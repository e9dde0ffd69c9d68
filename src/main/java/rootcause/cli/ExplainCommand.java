package rootcause.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rootcause.classify.CauseMatcher;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code explain}: shows how one complaint text is split, scored and classified, and why. No Spark needed. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain how one complaint is classified: sentences, sentiment, which pattern matched which "
                + "words, and why nothing matched.")
public final class ExplainCommand implements Callable<Integer> {
    private static final String[] SENTIMENT = {"very negative", "negative", "neutral", "positive", "very positive"};

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TEXT", description = "the complaint text (or use --file)")
    String text;

    @Option(names = "--file", paramLabel = "PATH", description = "read the complaint text from this UTF-8 file")
    Path file;

    @Option(names = "--taxonomy", paramLabel = "PATH", description = "taxonomy YAML (default: the built-in one)")
    Path taxonomyFile;

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
        CauseMatcher matcher = new CauseMatcher(taxonomy);
        DocumentAnalysis doc = SentimentAnalyzer.shared(NlpSettings.defaults()).analyze(complaint);
        PrintWriter out = spec.commandLine().getOut();

        out.printf(Locale.ROOT, "taxonomy %s %s (%d causes)%n", taxonomy.id(), taxonomy.version(), taxonomy.causes().size());
        out.printf(Locale.ROOT, "document sentiment %.2f (%s), %d sentence(s)%n%n",
                doc.sentimentScore(), doc.sentimentLabel(), doc.sentences().size());
        for (SentenceAnalysis s : doc.sentences()) {
            out.printf(Locale.ROOT, "[%d] %s: %s%n", s.index(), sentimentText(s.sentiment()), s.text());
            out.printf("    lemmas: %s%n", String.join(" ", s.lemmas()));
            List<CauseMatcher.Hit> hits = matcher.hits(s.lemmas());
            if (hits.isEmpty()) {
                out.println("    no pattern matched");
            }
            for (CauseMatcher.Hit h : hits) {
                if (h.counts()) {
                    out.printf("    MATCH %s (%s): pattern \"%s\" matched \"%s\"%n", h.causeId(),
                            taxonomy.cause(h.causeId()).group(), h.pattern(), h.matchedText());
                } else {
                    out.printf("    suppressed %s: pattern \"%s\" matched \"%s\" but is negated by \"%s\"%n",
                            h.causeId(), h.pattern(), h.matchedText(), h.suppressedBy());
                }
            }
        }
        List<CauseMatch> matches = matcher.match(doc.sentences());
        out.println();
        if (matches.isEmpty()) {
            out.println("causes: unclassified (no pattern of any cause matched without negation)");
        } else {
            out.println("causes:");
            for (CauseMatch m : matches) {
                out.printf(Locale.ROOT, "  %s (%s) sentiment %.2f from %d piece(s) of evidence%n",
                        m.causeId(), m.causeGroup(), m.sentiment(), m.evidence().size());
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

    private static String sentimentText(int c) {
        return c >= 0 && c < SENTIMENT.length ? "sentiment " + c + " (" + SENTIMENT[c] + ")" : "sentiment unknown (too long to parse)";
    }
}
