package rootcause.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * How many sentences the {@link SentimentGate} would leave unparsed, and what that changes: every sentence of a
 * sample is parsed as the job parses it, and for those the gate passes by, the parsed RNTN class is compared with
 * neutral and with the RNTN over the unparsed (right-branching) tree. Also counts sentences that repeat across
 * texts. Driver only, no Spark. Run through {@code jobs/survey-sentiment-gate}; results in docs/BENCHMARKS.md.
 */
@Command(name = "survey-sentiment-gate", mixinStandardHelpOptions = true,
        description = "Share of sentences the sentiment gate skips, and how their RNTN class would change.")
public final class SentimentGateSurvey implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "Directory with the CFPB, twcs and airline files.")
    Path data;
    @Option(names = "--cfpb", defaultValue = "60", description = "First N non-empty CFPB narratives.")
    int cfpb;
    @Option(names = "--tweets", defaultValue = "600", description = "First N inbound twcs tweets.")
    int tweets;
    @Option(names = "--airline", defaultValue = "600", description = "First N airline tweets.")
    int airline;
    @Option(names = "--threads", defaultValue = "2")
    int threads;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SentimentGateSurvey()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SentimentAnalyzer analyzer = SentimentAnalyzer.shared(NlpSettings.defaults());
        SentimentGate gate = SentimentGate.load(NlpSettings.SENTIMENT_MODEL);
        System.out.printf(Locale.ROOT, "RNTN vocabulary words with a non-neutral leaf: %d%n", gate.sentimentWords().size());
        System.out.println("| data | texts | sentences ≤ cap | distinct sentences | gate skips | skipped: parsed class not neutral | skipped: unparsed tree's class ≠ parsed | skipped: mean abs. prob. difference | skipped tokens share |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        survey("cfpb", texts("cfpb_complaints_sample_2015_2020.csv", "Consumer complaint narrative", r -> true, cfpb), analyzer, gate);
        survey("twcs", texts("twcs_customer_support_twitter_first5000.csv", "text", r -> "True".equals(r.get("inbound")), tweets), analyzer, gate);
        survey("airline", texts("airline_tweets_Tweets.csv", "text", r -> true, airline), analyzer, gate);
        return 0;
    }

    private void survey(String name, List<String> texts, SentimentAnalyzer analyzer, SentimentGate gate) throws Exception {
        List<Annotation> docs = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Annotation>> futures = new ArrayList<>();
            for (String t : texts) futures.add(pool.submit(() -> analyzer.annotate(t)));
            for (var f : futures) docs.add(f.get());
        } finally {
            pool.shutdownNow();
        }
        long sentences = 0, skipped = 0, notNeutral = 0, differs = 0, tokens = 0, skippedTokens = 0;
        double probDiff = 0;
        Set<String> distinct = new HashSet<>();
        for (Annotation doc : docs) {
            for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
                List<CoreLabel> toks = s.get(CoreAnnotations.TokensAnnotation.class);
                if (toks.size() > NlpSettings.DEFAULT_MAX_SENTENCE_TOKENS) continue;
                sentences++;
                tokens += toks.size();
                distinct.add(String.join(" ", toks.stream().map(CoreLabel::word).toList()));
                Tree unparsed = gate.withoutParse(toks);
                if (unparsed == null) continue;
                skipped++;
                skippedTokens += toks.size();
                Tree parsed = s.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
                int c = RNNCoreAnnotations.getPredictedClass(parsed);
                if (c != 2) notNeutral++;
                if (c != RNNCoreAnnotations.getPredictedClass(unparsed)) differs++;
                var p = RNNCoreAnnotations.getPredictions(parsed);
                var q = RNNCoreAnnotations.getPredictions(unparsed);
                double d = 0;
                for (int k = 0; k < p.getNumElements(); k++) d += Math.abs(p.get(k) - q.get(k));
                probDiff += d / p.getNumElements();
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d (%.1f %%) | %d (%.1f %%) | %d (%.1f %% of skipped) | %d (%.1f %%) | %.4f | %.1f %% |%n",
                name, texts.size(), sentences, distinct.size(), 100.0 * distinct.size() / sentences,
                skipped, 100.0 * skipped / sentences, notNeutral, 100.0 * notNeutral / Math.max(1, skipped),
                differs, 100.0 * differs / Math.max(1, skipped), probDiff / Math.max(1, skipped),
                100.0 * skippedTokens / tokens);
    }

    /** The first n non-empty texts of a column, sampled as the NLP benchmark samples its exports. */
    private List<String> texts(String file, String column, Predicate<CSVRecord> keep, int n) throws Exception {
        return rootcause.bench.NlpBenchmark.firstRecords(data.resolve(file), r -> keep.test(r) && !r.get(column).isBlank(),
                n, new ArrayList<>()).stream().map(r -> r.get(column)).toList();
    }
}
