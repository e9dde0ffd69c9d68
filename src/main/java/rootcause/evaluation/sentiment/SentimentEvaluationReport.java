package rootcause.evaluation.sentiment;

import rootcause.model.DocumentAnalysis;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.SentimentAnalyzer;
import rootcause.sentiment.ConfusionMatrix;
import rootcause.sentiment.PolarityModel;
import rootcause.sentiment.SentimentModelFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * What {@code evaluate sentiment} prints for one labelled set and one parser: CoreNLP's RNTN alone and, when given, with
 * the polarity layer, each scored against the human labels as a Markdown section with its speed. Runs on the driver
 * (plain JVM, no Spark).
 */
public final class SentimentEvaluationReport {
    private SentimentEvaluationReport() {}

    /**
     * A labelled set as the verb chose it.
     *
     * @param name              its name in headings and prediction files ({@code sst}, {@code airline})
     * @param texts             the texts scored
     * @param limitNote         how they were chosen, e.g. {@code " (all)"}
     * @param oneSentencePerText each text is one sentence, judged by its sentence class (SST); otherwise whole
     *                          documents, judged by their label (tweets)
     */
    public record LabelledSet(String name, List<LabelledText> texts, String limitNote, boolean oneSentencePerText) {}

    /**
     * Scores the set with this parser's pipeline, then with the polarity layer of {@code layer} (null: CoreNLP alone).
     *
     * @param parser         the parser's name in headings and prediction files
     * @param predictionsDir where to write one TSV of predictions per section; null writes none
     */
    public static String run(LabelledSet set, String parser, NlpSettings settings, int threads, SentimentModelFile layer,
                             Path predictionsDir) throws IOException, InterruptedException {
        NlpSettings pipeline = set.oneSentencePerText() ? settings.withOneSentencePerText() : settings;
        BiFunction<LabelledText, DocumentAnalysis, Prediction> judge = set.oneSentencePerText()
                ? SentimentEvaluation::bySentenceClass : SentimentEvaluation::byDocumentLabel;
        List<LabelledText> texts = set.texts();
        long loadStart = System.nanoTime();
        SentimentAnalyzer analyzer = SentimentAnalyzer.shared(pipeline);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long start = System.nanoTime();
        List<DocumentAnalysis> analyses = SentimentEvaluation.analyse(analyzer, texts, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        StringBuilder b = new StringBuilder();
        b.append(section(set, parser, pipeline, threads, "CoreNLP's RNTN alone", SentimentEvaluation.judge(texts, analyses, judge),
                seconds, loadSeconds, predictionsDir));
        if (layer != null) {
            PolarityModel polarity = layer.model();
            long layerStart = System.nanoTime();
            List<Prediction> layered = SentimentEvaluation.judge(texts, analyses,
                    (t, a) -> SentimentEvaluation.byDocumentLabel(t, polarity.apply(a)));
            double layerSeconds = (System.nanoTime() - layerStart) / 1e9;
            b.append('\n').append(section(set, parser, pipeline, threads, "polarity layer, model " + layer.location()
                    + " (sha256 " + layer.sha256().substring(0, 12) + "…, trained on " + polarity.trainedOn() + ")", layered,
                    seconds + layerSeconds, loadSeconds, predictionsDir));
            b.append(String.format(Locale.ROOT, "- the layer itself took %.2f s on one thread (%.1f %% of the analysis time)%n",
                    layerSeconds, 100 * layerSeconds / seconds));
        }
        return b.toString();
    }

    private static String section(LabelledSet set, String parser, NlpSettings settings, int threads, String what,
                                  List<Prediction> predictions, double seconds, double loadSeconds, Path predictionsDir)
            throws IOException {
        if (predictionsDir != null) {
            Files.createDirectories(predictionsDir);
            String name = set.name() + "-" + parser + (what.startsWith("polarity") ? "-layer" : "") + ".tsv";
            Files.writeString(predictionsDir.resolve(name),
                    predictions.stream().map(Prediction::toTsv).collect(Collectors.joining("\n", "", "\n")),
                    StandardCharsets.UTF_8);
        }
        ConfusionMatrix m = SentimentEvaluation.score(predictions);
        long sentences = predictions.stream().mapToLong(Prediction::sentences).sum();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "### %s, %s parser (%s): %s%n%n", set.name(), parser, settings.parserModel(), what));
        b.append(String.format(Locale.ROOT, "- texts: %d%s; sentences: %d; %d threads; load %.1f s; analysis %.1f s (%.1f sentences/s)%n",
                set.texts().size(), set.limitNote(), sentences, threads, loadSeconds, seconds, sentences / seconds));
        b.append(String.format(Locale.ROOT, "- accuracy (neutral predictions count wrong): %.2f %% (%d / %d); macro-F1 %.3f%n",
                100 * m.accuracy(), m.correct(), m.total(), m.macroF1()));
        b.append(String.format(Locale.ROOT, "- accuracy among non-neutral predictions: %.2f %% (%d predictions, %.1f %% of texts)%n%n",
                100 * m.polarAccuracy(), m.polarPredictions(), 100.0 * m.polarPredictions() / Math.max(1, m.total())));
        b.append(m.toMarkdown());
        return b.toString();
    }
}
