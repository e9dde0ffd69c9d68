package rootcause.evaluation.sentiment;

import rootcause.evaluation.SentimentCorpus;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import rootcause.embed.SentenceEmbedder;
import rootcause.evaluation.EvaluationCorpus;
import rootcause.ingest.InputSpec;
import rootcause.model.SentenceAnalysis;
import rootcause.sentiment.ConfusionMatrix;
import rootcause.sentiment.Polarity;
import rootcause.sentiment.PolarityFeatures;
import rootcause.sentiment.PolarityLabels;
import rootcause.sentiment.PolarityModel;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Trains and scores the sentiment layer on a labelled export, through the job's profiles, cleaning and nlp stage:
 * the work of {@code train-sentiment}, which only parses options and prints.
 */
public final class SentimentTrainer {
    private SentimentTrainer() {}

    /** Where the labels come from: an export's own column, or a file {@code source,id,polarity}. */
    public record LabelSource(String column, Path file) {
        public LabelSource {
            if ((column == null) == (file == null)) {
                throw new IllegalArgumentException("give exactly one of a label column and a labels file");
            }
        }

        @Override
        public String toString() {
            return column != null ? "column " + column : file.toString();
        }
    }

    /** The labelled texts analysed by the nlp stage, on the label scale found, and how many rows had no such label. */
    public record Corpus(List<SentimentCrossValidation.Item> items, PolarityLabels scale, int skipped) {}

    /** A trained model with its cross-validation and what its model file says about it. */
    public record Trained(PolarityModel model, SentimentCrossValidation.Result crossValidation, Map<String, Object> about) {}

    /**
     * The labelled texts of the inputs, cleaned and analysed in a session of their own that is stopped before
     * returning. {@code labelScale} is a {@link PolarityLabels} name or "auto"; {@code undoLabelLeak} strips the
     * airline export's label tokens from the text (for training; a scored model sees the text as it is).
     */
    public static Corpus load(SparkSession spark, List<InputSpec> inputs, LabelSource labels, String labelScale,
                              boolean undoLabelLeak, Path nlpCache) throws IOException {
        Map<String, String[]> labelled = labelledTexts(spark, inputs, labels);
        List<String> values = labelled.values().stream().map(v -> v[1]).toList();
        PolarityLabels scale = "auto".equals(labelScale) ? PolarityLabels.detect(values) : PolarityLabels.parse(labelScale);
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Polarity> gold = new LinkedHashMap<>();
        int skipped = 0;
        for (Map.Entry<String, String[]> e : labelled.entrySet()) {
            Polarity p = scale.map(e.getValue()[1]);
            if (p == null) {
                skipped++;
                continue;
            }
            String text = e.getValue()[0];
            texts.put(e.getKey(), undoLabelLeak ? LabelLeak.undo(text) : text);
            gold.put(e.getKey(), p);
        }
        Map<String, List<SentenceAnalysis>> analysed = SentimentCorpus.analyse(spark, texts, nlpCache);
        List<SentimentCrossValidation.Item> items = new ArrayList<>();
        for (Map.Entry<String, Polarity> e : gold.entrySet()) {
            items.add(new SentimentCrossValidation.Item(
                    new PolarityModel.Example(analysed.get(e.getKey()), e.getValue()), texts.get(e.getKey())));
        }
        return new Corpus(items, scale, skipped);
    }

    /** A model's confusion matrix on the corpus, with no training on it. */
    public static ConfusionMatrix score(PolarityModel model, Corpus corpus, Function<String, float[]> embed) {
        ConfusionMatrix m = ConfusionMatrix.empty();
        for (SentimentCrossValidation.Item i : corpus.items()) {
            m = m.add(i.example().label(), model.predict(i.example().sentences(), embed));
        }
        return m;
    }

    /** Cross-validates (duplicate texts share a fold), then trains on every labelled text. */
    public static Trained train(Corpus corpus, Set<PolarityFeatures.Family> families, double sigma, int folds,
                                String inputs, LabelSource labels, boolean labelLeakUndone, Function<String, float[]> embed) {
        SentimentCrossValidation.Result result = SentimentCrossValidation.run(corpus.items(), folds, families, sigma, embed);
        ConfusionMatrix cv = result.matrix();
        List<PolarityModel.Example> examples = corpus.items().stream().map(SentimentCrossValidation.Item::example).toList();
        PolarityModel model = PolarityModel.train(examples, families, sigma,
                inputs + " (" + labels + ", " + examples.size() + " texts)", embed);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("trained_on", model.trainedOn());
        about.put("trained_at", Instant.now().toString());
        about.put("label_scale", corpus.scale().name().toLowerCase(Locale.ROOT));
        about.put("features", families.toString());
        about.put("sigma", sigma);
        about.put("label_leak_undone", labelLeakUndone);
        about.put("cv_folds", folds);
        about.put("cv_accuracy", cv.accuracy());
        about.put("cv_macro_f1", cv.macroF1());
        about.put("cv_calibration_error", result.calibrationError());
        about.put("cv_brier", result.brier());
        return new Trained(model, result, about);
    }

    /** Each feature family alone, cross-validated, handed to {@code each} as soon as it is scored (an ablation). */
    public static void ablation(Corpus corpus, int folds, double sigma, Function<String, float[]> embed,
                                java.util.function.BiConsumer<PolarityFeatures.Family, ConfusionMatrix> each) {
        for (PolarityFeatures.Family f : PolarityFeatures.Family.values()) {
            each.accept(f, SentimentCrossValidation.run(corpus.items(), folds, java.util.EnumSet.of(f), sigma, embed).matrix());
        }
    }

    /**
     * Sentence embeddings for the run: when needed, every distinct sentence is embedded once up front, on all cores
     * (the JVM's one model, one ONNX thread per caller), and cross-validation reads them from the memo.
     */
    public static Function<String, float[]> embeddings(Corpus corpus, boolean needed) {
        if (!needed) {
            return t -> {
                throw new IllegalStateException("no embeddings in this run");
            };
        }
        Map<String, float[]> memo = new ConcurrentHashMap<>();
        corpus.items().stream().flatMap(i -> i.example().sentences().stream()).map(SentenceAnalysis::text).distinct().toList()
                .parallelStream().forEach(t -> memo.put(t, SentenceEmbedder.shared().embed(t)));
        return t -> memo.computeIfAbsent(t, SentenceEmbedder.shared()::embed);
    }

    /** key → {text, label}: the export's label column, or a labels file joined on source and id. */
    private static Map<String, String[]> labelledTexts(SparkSession spark, List<InputSpec> inputs, LabelSource labels)
            throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        if (labels.column() != null) {
            EvaluationCorpus.loadLabelled(spark, inputs, labels.column())
                    .forEach((k, v) -> out.put(k, new String[] {v.complaint().text(), v.label()}));
            return out;
        }
        Map<String, EvaluationCorpus.Complaint> corpus = EvaluationCorpus.load(spark, inputs);
        try (Reader r = Files.newBufferedReader(labels.file(), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
            for (CSVRecord rec : csv) {
                EvaluationCorpus.Complaint c = corpus.get(EvaluationCorpus.Complaint.key(rec.get("source"), rec.get("id")));
                if (c != null) out.put(c.key(), new String[] {c.text(), rec.get("polarity")});
            }
        }
        return out;
    }
}
