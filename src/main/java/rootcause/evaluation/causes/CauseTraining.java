package rootcause.evaluation.causes;

import rootcause.classify.CauseHeadFile;
import rootcause.classify.ExampleMatcher;
import rootcause.classify.SemanticSettings;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.classify.TaxonomyWriter;
import rootcause.classify.TrainingSentence;
import rootcause.embed.SentenceEmbedder;
import rootcause.evaluation.EvaluationCorpus;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The work of {@code train-causes}: scores the base taxonomy on labelled complaints, cross-validates the trained
 * semantic layer, and writes a taxonomy bundle ({@code DIR/taxonomy.yaml}, the cross-validation report, and for a
 * trained head its weights) that {@code run --taxonomy DIR} loads. Runs on the driver; the corpus comes analysed.
 */
public final class CauseTraining {
    private CauseTraining() {}

    /** The report (also written as {@value #REPORT}), the scores it holds, and what was written where. */
    public record Result(String report, CauseScores crossValidated, double threshold, int complaints,
                         List<TrainingSentence> sentences, String version, Path bundle) {}

    public static final String REPORT = "cross-validation.txt";

    /**
     * @param taxonomyFile the base taxonomy's file or bundle, null for the built-in one (its text is what the bundle extends)
     * @param labels       where the labels came from, for the report and the head's description
     */
    public static Result train(Taxonomy base, Path taxonomyFile, Map<String, Set<String>> gold,
                               Map<String, EvaluationCorpus.Complaint> corpus, int folds, Path labels, Path output)
            throws IOException {
        TaxonomyEvaluation evaluation = new TaxonomyEvaluation(base);
        List<ScoredComplaint> analysed = evaluation.analyse(gold, corpus);
        Map<String, float[]> cache = new ConcurrentHashMap<>();
        Function<String, float[]> embed = t -> cache.computeIfAbsent(t, x -> SentenceEmbedder.shared(base.semantic().encoder()).embed(x));
        CauseScores before = evaluation.score(analysed, gold);
        List<ScoredComplaint> outOfFold = CrossValidation.outOfFold(base, analysed, gold, folds, embed);
        double threshold = CrossValidation.bestThreshold(base, outOfFold, gold);
        CauseScores cv = CrossValidation.score(base, outOfFold, gold, threshold);

        StringWriter report = new StringWriter();
        PrintWriter r = new PrintWriter(report);
        r.printf("base taxonomy %s %s on %d labelled complaints (%s):%n", base.id(), base.version(), analysed.size(), labels);
        before.print(r);
        r.printf(Locale.ROOT, "%n%d-fold cross-validation of the trained layer (folds by normalised text), at the threshold"
                + " %.2f chosen for the best out-of-fold micro F1:%n", folds, threshold);
        cv.print(r);
        r.flush();

        String version = base.version() + "+trained";
        List<TrainingSentence> sentences = CauseTrainer.sentences(analysed, gold, evaluation.patterns());
        Files.createDirectories(output);
        Path bundle = output.resolve(TaxonomyLoader.BUNDLE_FILE);
        if (base.semantic().decision() == SemanticSettings.Decision.HEAD) {
            // The head is data: adjusted here, once, to every labelled sentence, and written beside the taxonomy.
            ExampleMatcher adjusted = ExampleMatcher.fit(base.withTraining(version, sentences), embed);
            Files.writeString(output.resolve(TaxonomyWriter.HEAD_FILE), CauseHeadFile.json(adjusted.linearModel(), threshold,
                    base.semantic().encoder(), Map.of("labelled_complaints", analysed.size(),
                            "labelled_sentences", sentences.size(), "labels", labels.toString(), "folds", folds)));
            Files.writeString(bundle, TaxonomyWriter.withTrainedHead(TaxonomyLoader.text(taxonomyFile), version, threshold));
        } else {
            Files.writeString(bundle, TaxonomyWriter.withTrainingSentences(TaxonomyLoader.text(taxonomyFile), version, threshold, sentences));
        }
        Files.writeString(output.resolve(REPORT), report.toString());
        TaxonomyLoader.load(output); // the bundle must load as run --taxonomy will load it
        return new Result(report.toString(), cv, threshold, analysed.size(), sentences, version, bundle);
    }
}
