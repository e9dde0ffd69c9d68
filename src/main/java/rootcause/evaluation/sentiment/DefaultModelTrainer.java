package rootcause.evaluation.sentiment;

import rootcause.nlp.NlpSettings;
import rootcause.nlp.SentimentAnalyzer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import rootcause.model.DocumentAnalysis;
import rootcause.sentiment.ConfusionMatrix;
import rootcause.sentiment.Polarity;
import rootcause.sentiment.PolarityFeatures;
import rootcause.sentiment.PolarityModel;
import rootcause.sentiment.SentimentModelFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the shipped default sentiment model (run by {@code mvn package}, before the slim models jar is made): the
 * polarity layer over CoreNLP's sentiment and lemma n-grams, trained on {@value #SENTENCES} only — customer-service
 * texts the project wrote itself, so the weights may be redistributed. No tweet set or other export is read.
 *
 * <p>Usage: {@code DefaultModelTrainer OUTPUT_DIR}; writes {@code OUTPUT_DIR/}{@link SentimentModelFile#DEFAULT_RESOURCE}.
 */
public final class DefaultModelTrainer {
    /** Written by the project: id,voice,polarity,text. */
    public static final String SENTENCES = "rootcause/sentiment/polarity-sentences.csv";
    /** L2 prior of the shipped models: CoreNLP's default, left untuned (see docs/EVALUATION.md). */
    public static final double SIGMA = 1.0;
    public static final Set<PolarityFeatures.Family> FAMILIES = Set.of(PolarityFeatures.Family.RNTN, PolarityFeatures.Family.NGRAMS);


    private DefaultModelTrainer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DefaultModelTrainer OUTPUT_DIR");
        }
        List<SentimentCrossValidation.Item> items = analysedSentences(SentimentAnalyzer.shared(NlpSettings.defaults()));
        write(items, FAMILIES, Path.of(args[0]));
    }

    private static void write(List<SentimentCrossValidation.Item> items, Set<PolarityFeatures.Family> families, Path root) {
        List<PolarityModel.Example> examples = items.stream().map(SentimentCrossValidation.Item::example).toList();
        SentimentCrossValidation.Result result = SentimentCrossValidation.run(items, 5, families, SIGMA);
        ConfusionMatrix cv = result.matrix();
        PolarityModel model = train(items, families);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("trained_on", model.trainedOn());
        about.put("features", model.families().toString());
        about.put("sigma", SIGMA);
        about.put("cv_accuracy_on_training_text", cv.accuracy());
        about.put("cv_macro_f1_on_training_text", cv.macroF1());
        about.put("cv_calibration_error_on_training_text", result.calibrationError());
        Path dir = root.resolve(SentimentModelFile.DEFAULT_RESOURCE).getParent();
        SentimentModelFile written = SentimentModelFile.write(model, about, dir);
        System.out.printf(Locale.ROOT, "shipped sentiment model (%s): %d written texts, 5-fold cv accuracy=%.3f macro_f1=%.3f "
                + "calibration_error=%.3f, sha256 %s%n", model.families(), examples.size(), cv.accuracy(), cv.macroF1(),
                result.calibrationError(), written.sha256());
    }

    /** A model of these families on the written sentences (the benchmark trains a parser-free one this way). */
    public static PolarityModel train(List<SentimentCrossValidation.Item> items, Set<PolarityFeatures.Family> families) {
        return PolarityModel.train(items.stream().map(SentimentCrossValidation.Item::example).toList(), families, SIGMA,
                "the project's own written sentences (" + SENTENCES + ", " + items.size() + " texts)");
    }

    /** The written sentences through this CoreNLP pipeline (two threads share it). */
    public static List<SentimentCrossValidation.Item> analysedSentences(SentimentAnalyzer analyzer) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = DefaultModelTrainer.class.getClassLoader().getResourceAsStream(SENTENCES)) {
            if (in == null) throw new IllegalStateException(SENTENCES + " is not on the class path");
            CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (CSVRecord r : csv) rows.add(new String[] {r.get("polarity"), r.get("text")});
        }
        List<DocumentAnalysis> analyses = analyzer.analyzeAll(rows.stream().map(r -> r[1]).toList(),
                Runtime.getRuntime().availableProcessors());
        List<SentimentCrossValidation.Item> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            items.add(new SentimentCrossValidation.Item(new PolarityModel.Example(analyses.get(i).sentences(),
                    Polarity.parse(rows.get(i)[0])), rows.get(i)[1]));
        }
        return items;
    }
}
