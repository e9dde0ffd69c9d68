package rootcause.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rootcause.ingest.InputSpec;
import rootcause.sentiment.ConfusionMatrix;
import rootcause.sentiment.PolarityFeatures;
import rootcause.evaluation.sentiment.SentimentCrossValidation;
import rootcause.sentiment.SentimentModelFile;
import rootcause.evaluation.sentiment.SentimentTrainer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code train-sentiment}: trains the complaint-domain polarity layer on any labelled export, through the job's own
 * profiles, cleaning and nlp stage; cross-validates (duplicate texts share a fold); writes a model folder for
 * {@code run --sentiment-model DIR}. With {@code --score MODEL} it trains nothing and scores a model instead.
 */
@Command(name = "train-sentiment", mixinStandardHelpOptions = true,
        description = "Train the sentiment layer on a labelled export (a survey's score column is the natural one), "
                + "print the cross-validated confusion matrix, and write a model folder for run --sentiment-model.")
public final class TrainSentimentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "PROFILE=PATH", required = true, description = "a labelled export, as for run; repeatable")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--label-column", paramLabel = "COL", description = "the export's column holding each row's label")
    String labelColumn;

    @Option(names = "--labels", paramLabel = "CSV", description = "instead of --label-column: a file source,id,polarity")
    Path labelsFile;

    @Option(names = "--label-scale", paramLabel = "SCALE", defaultValue = "auto",
            description = "words (negative/neutral/positive), five-point (1-2/3/4-5), nps (0-6/7-8/9-10) or auto (default)")
    String labelScale;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "cross-validation folds (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--features", paramLabel = "LIST", defaultValue = "rntn,ngrams",
            description = "feature families: rntn (CoreNLP's sentiment), ngrams (lemma uni/bigrams, negation marked), "
                    + "embeddings (the sentences' all-MiniLM-L6-v2 vectors; costs run time); default ${DEFAULT-VALUE}")
    String features;

    @Option(names = "--sigma", paramLabel = "S", defaultValue = "1.0", description = "L2 prior: smaller regularises more (default ${DEFAULT-VALUE})")
    double sigma;

    @Option(names = "--ablation", description = "also cross-validate each feature family alone")
    boolean ablation;

    @Option(names = "--keep-label-leak", description = "keep the airline export's label tokens (\"Cancelled Flightled\") in training text")
    boolean keepLabelLeak;

    @Option(names = "--score", paramLabel = "MODEL", description = "train nothing: score this model (default or a folder) on the labelled texts")
    String score;

    @Option(names = "--nlp-cache", paramLabel = "FILE",
            description = "keep the nlp stage's sentences of these texts in FILE and reuse them on the next run (try other features or sigma without re-parsing)")
    Path nlpCache;

    @Option(names = "--output", paramLabel = "DIR", description = "folder for the trained model")
    Path output;

    /** Runs the verb on its own, without the rootcause launcher. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainSentimentCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        if ((labelColumn == null) == (labelsFile == null)) {
            throw new CommandLine.ParameterException(cl, "give exactly one of --label-column COL and --labels CSV");
        }
        if (score == null && output == null) {
            throw new CommandLine.ParameterException(cl, "give --output DIR for the trained model (or --score MODEL)");
        }
        if (output != null && Files.exists(output) && !Files.isDirectory(output)) {
            throw new CommandLine.ParameterException(cl, "--output " + output + " is a file, not a folder");
        }
        if (folds < 2) {
            throw new CommandLine.ParameterException(cl, "--folds must be at least 2");
        }
        Set<PolarityFeatures.Family> families;
        try {
            families = PolarityFeatures.Family.parse(features);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--features " + features + ": use rntn, ngrams and/or embeddings");
        }
        SentimentModelFile scored;
        try {
            scored = score == null ? null : SentimentModelFile.named(score);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
        PrintWriter out = cl.getOut();
        List<InputSpec> specs = inputs.stream().map(InputSpec::parse).toList();
        SentimentTrainer.LabelSource labels = new SentimentTrainer.LabelSource(labelColumn, labelsFile);

        SparkSession spark = SparkSessions.forJob("rootcause train-sentiment");
        SentimentTrainer.Corpus corpus;
        try {
            corpus = SentimentTrainer.load(spark, specs, labels, labelScale, score == null && !keepLabelLeak, nlpCache);
        } finally {
            spark.stop();
        }
        out.printf(Locale.ROOT, "%d labelled texts (%s scale), %d rows without a label on that scale skipped%n",
                corpus.items().size(), corpus.scale().name().toLowerCase(Locale.ROOT).replace('_', '-'), corpus.skipped());
        out.flush();
        Function<String, float[]> embed = SentimentTrainer.embeddings(corpus, ablation
                || families.contains(PolarityFeatures.Family.EMBEDDINGS) || (scored != null && scored.model().needsEmbeddings()));

        if (scored != null) {
            ConfusionMatrix m = SentimentTrainer.score(scored.model(), corpus, embed);
            out.printf("model %s (sha256 %s, trained on %s), no training on these texts:%n%n%s%n", scored.location(),
                    scored.sha256(), scored.model().trainedOn(), m.toMarkdown());
            out.printf(Locale.ROOT, "accuracy=%.3f macro_f1=%.3f n=%d%n", m.accuracy(), m.macroF1(), m.total());
            out.flush();
            return CommandLine.ExitCode.OK;
        }

        if (ablation) {
            SentimentTrainer.ablation(corpus, folds, sigma, embed, (f, m) -> {
                out.printf(Locale.ROOT, "features %s alone: cv accuracy=%.3f macro_f1=%.3f%n", f.name().toLowerCase(Locale.ROOT),
                        m.accuracy(), m.macroF1());
                out.flush();
            });
        }
        SentimentTrainer.Trained trained = SentimentTrainer.train(corpus, families, sigma, folds, String.join(" ", inputs),
                labels, !keepLabelLeak, embed);
        SentimentCrossValidation.Result result = trained.crossValidation();
        ConfusionMatrix cv = result.matrix();
        SentimentModelFile written = SentimentModelFile.write(trained.model(), trained.about(), output);
        out.printf("%d-fold cross-validation (folds by normalised text), features %s, sigma %s:%n%n%s%n", folds,
                families, sigma, cv.toMarkdown());
        out.printf(Locale.ROOT, "calibration: expected calibration error %.3f (10 bins of the top probability), Brier score %.3f%n",
                result.calibrationError(), result.brier());
        out.printf("wrote %s (sha256 %s); use it with run --sentiment-model %s%n", output.resolve(SentimentModelFile.MODEL),
                written.sha256(), output);
        out.printf(Locale.ROOT, "cv accuracy=%.3f macro_f1=%.3f folds=%d n=%d%n", cv.accuracy(), cv.macroF1(), folds, cv.total());
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
