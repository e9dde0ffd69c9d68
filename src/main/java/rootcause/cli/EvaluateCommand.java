package rootcause.cli;

import picocli.CommandLine;
import rootcause.sentiment.PolarityModel;
import rootcause.sentiment.SentimentModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.SentimentAnalyzer;
import rootcause.sentiment.ConfusionMatrix;
import rootcause.evaluation.sentiment.EvaluationSets;
import rootcause.evaluation.sentiment.LabelledText;
import rootcause.evaluation.sentiment.Prediction;
import rootcause.evaluation.sentiment.SentimentEvaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** {@code evaluate sentiment}: scores the sentiment pipelines against human labels and prints Markdown. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score sentiment against human labels (SST-2 binary test, airline tweets).")
public final class EvaluateCommand implements Callable<Integer> {
    enum Target { sentiment }

    /** srGated: shift-reduce parsing only the sentences the sentiment gate lets through (NlpSettings.parseOnlySentiment). */
    enum Parser { sr, srGated, pcfg }

    enum DataSet { sst, airline }

    @Parameters(index = "0", description = "What to evaluate: ${COMPLETION-CANDIDATES}.")
    Target target;

    @Option(names = "--data", required = true, description = "Directory holding sst2_binary_test.tsv and airline_tweets_Tweets.csv.")
    Path data;

    @Option(names = "--parsers", split = ",", defaultValue = "sr,pcfg", description = "Parsers to run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<Parser> parsers;

    @Option(names = "--sets", split = ",", defaultValue = "sst,airline", description = "Data sets: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<DataSet> sets;

    @Option(names = "--sst-limit", defaultValue = "0", description = "Use every k-th SST sentence, at most this many (0 = all).")
    int sstLimit;

    @Option(names = "--pcfg-sst-limit", defaultValue = "0", description = "Like --sst-limit, for the slow PCFG parser only (0 = all).")
    int pcfgSstLimit;

    @Option(names = "--airline-limit", defaultValue = "0", description = "Use every k-th tweet, at most this many (0 = all).")
    int airlineLimit;

    @Option(names = "--threads", defaultValue = "2", description = "Threads sharing one pipeline (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--sentiment-model", defaultValue = "default",
            description = "Also score the polarity layer with this model: 'default' (the shipped one), a folder from "
                    + "train-sentiment, or 'none' (default: ${DEFAULT-VALUE}).")
    String sentimentModel;

    @Option(names = "--predictions", description = "Directory to write one TSV of predictions per parser and data set.")
    Path predictionsDir;

    /** Runs the verb on its own, before or without the main CLI. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (DataSet set : sets) {
            for (Parser parser : parsers) {
                if (set == DataSet.airline && parser == Parser.pcfg) {
                    continue; // the job uses shift-reduce; PCFG on 14,640 tweets adds nothing the SST run does not show
                }
                System.out.println(run(set, parser));
            }
        }
        return 0;
    }

    private String run(DataSet set, Parser parser) throws IOException, InterruptedException {
        String model = parser == Parser.pcfg ? NlpSettings.PCFG : NlpSettings.SHIFT_REDUCE;
        NlpSettings settings = new NlpSettings(model, NlpSettings.DEFAULT_MAX_SENTENCE_TOKENS)
                .withParseOnlySentiment(parser == Parser.srGated);
        List<LabelledText> texts;
        BiFunction<LabelledText, rootcause.model.DocumentAnalysis, Prediction> judge;
        if (set == DataSet.sst) {
            settings = settings.withOneSentencePerText();
            int limit = parser == Parser.pcfg && pcfgSstLimit > 0 ? pcfgSstLimit : sstLimit;
            texts = EvaluationSets.everyKth(EvaluationSets.sst2(data.resolve(EvaluationSets.SST2_TEST)), limit);
            judge = SentimentEvaluation::bySentenceClass;
        } else {
            texts = EvaluationSets.everyKth(EvaluationSets.airlineTweets(data.resolve(EvaluationSets.AIRLINE_TWEETS)), airlineLimit);
            judge = SentimentEvaluation::byDocumentLabel;
        }
        long loadStart = System.nanoTime();
        SentimentAnalyzer analyzer = SentimentAnalyzer.shared(settings);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long start = System.nanoTime();
        List<rootcause.model.DocumentAnalysis> analyses = SentimentEvaluation.analyse(analyzer, texts, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder b = new StringBuilder();
        b.append(section(set, parser, "CoreNLP's RNTN alone", SentimentEvaluation.judge(texts, analyses, judge), texts, seconds, loadSeconds));
        if (!"none".equals(sentimentModel)) {
            SentimentModelFile file = SentimentModelFile.named(sentimentModel);
            PolarityModel polarity = file.model();
            long layerStart = System.nanoTime();
            List<Prediction> layer = SentimentEvaluation.judge(texts, analyses,
                    (t, a) -> SentimentEvaluation.byDocumentLabel(t, polarity.apply(a)));
            double layerSeconds = (System.nanoTime() - layerStart) / 1e9;
            b.append('\n').append(section(set, parser, "polarity layer, model " + file.location() + " (sha256 "
                    + file.sha256().substring(0, 12) + "…, trained on " + polarity.trainedOn() + ")", layer, texts,
                    seconds + layerSeconds, loadSeconds));
            b.append(String.format(Locale.ROOT, "- the layer itself took %.2f s on one thread (%.1f %% of the analysis time)%n",
                    layerSeconds, 100 * layerSeconds / seconds));
        }
        return b.toString();
    }

    private String section(DataSet set, Parser parser, String what, List<Prediction> predictions, List<LabelledText> texts,
                           double seconds, double loadSeconds) throws IOException {
        String model = parser == Parser.pcfg ? NlpSettings.PCFG : NlpSettings.SHIFT_REDUCE;
        if (predictionsDir != null) {
            Files.createDirectories(predictionsDir);
            String name = set + "-" + parser + (what.startsWith("polarity") ? "-layer" : "") + ".tsv";
            Files.writeString(predictionsDir.resolve(name),
                    predictions.stream().map(Prediction::toTsv).collect(Collectors.joining("\n", "", "\n")),
                    StandardCharsets.UTF_8);
        }
        ConfusionMatrix m = SentimentEvaluation.score(predictions);
        long sentences = predictions.stream().mapToLong(Prediction::sentences).sum();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "### %s, %s parser (%s): %s%n%n", set, parser, model, what));
        b.append(String.format(Locale.ROOT, "- texts: %d%s; sentences: %d; %d threads; load %.1f s; analysis %.1f s (%.1f sentences/s)%n",
                texts.size(), limitNote(set, parser), sentences, threads, loadSeconds, seconds, sentences / seconds));
        b.append(String.format(Locale.ROOT, "- accuracy (neutral predictions count wrong): %.2f %% (%d / %d); macro-F1 %.3f%n",
                100 * m.accuracy(), m.correct(), m.total(), m.macroF1()));
        b.append(String.format(Locale.ROOT, "- accuracy among non-neutral predictions: %.2f %% (%d predictions, %.1f %% of texts)%n%n",
                100 * m.polarAccuracy(), m.polarPredictions(), 100.0 * m.polarPredictions() / Math.max(1, m.total())));
        b.append(m.toMarkdown());
        return b.toString();
    }

    private String limitNote(DataSet set, Parser parser) {
        int limit = set == DataSet.airline ? airlineLimit
                : parser == Parser.pcfg && pcfgSstLimit > 0 ? pcfgSstLimit : sstLimit;
        return limit > 0 ? " (every k-th, at most " + limit + ")" : " (all)";
    }
}
