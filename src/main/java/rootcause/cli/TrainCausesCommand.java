package rootcause.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rootcause.classify.CauseHeadFile;
import rootcause.classify.ExampleMatcher;
import rootcause.classify.SemanticSettings;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.classify.TaxonomyWriter;
import rootcause.classify.TrainingSentence;
import rootcause.embed.SentenceEmbedder;
import rootcause.evaluation.causes.CauseScores;
import rootcause.evaluation.EvaluationCorpus;
import rootcause.evaluation.causes.Labels;
import rootcause.evaluation.causes.ScoredComplaint;
import rootcause.evaluation.causes.TaxonomyEvaluation;
import rootcause.ingest.InputSpec;
import rootcause.evaluation.causes.CauseTrainer;
import rootcause.evaluation.causes.CrossValidation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code train-causes}: trains the semantic layer on an analyst's own labelled complaints. Reads the exports through
 * the job's profiles and clean stage, cross-validates, and writes a taxonomy bundle ({@code DIR/taxonomy.yaml}: the
 * base taxonomy plus the labelled sentences) that {@code run --taxonomy DIR} uses.
 */
@Command(name = "train-causes", mixinStandardHelpOptions = true,
        description = "Train the root-cause semantic layer on your own labelled complaints (source,id,cause_ids), "
                + "print cross-validated precision, recall and F1 per cause, and write a taxonomy bundle for run --taxonomy.")
public final class TrainCausesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--labels", paramLabel = "CSV", required = true, description = "labelled complaints: source,id,cause_ids")
    Path labels;

    @Option(names = "--input", paramLabel = "PROFILE=PATH", required = true,
            description = "an export holding the labelled complaints, as for run; repeatable")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--taxonomy", paramLabel = "PATH", description = "base taxonomy file or bundle (default: the built-in one)")
    Path taxonomyFile;

    @Option(names = "--folds", paramLabel = "K", description = "cross-validation folds (default: ${DEFAULT-VALUE})")
    int folds = 5;

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "folder for the bundle")
    Path output;

    /** Runs {@code train-causes} on its own, without the rootcause launcher. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new TrainCausesCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (folds < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--folds must be at least 2");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--output " + output + " is a file, not a folder");
        }
        PrintWriter out = spec.commandLine().getOut();
        Taxonomy base = taxonomyFile == null ? TaxonomyLoader.loadDefault() : TaxonomyLoader.load(taxonomyFile);
        if (!base.hasSemanticLayer()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "taxonomy " + base.id() + " " + base.version()
                    + " has no semantic: block; train-causes trains the semantic layer");
        }
        List<InputSpec> specs = new ArrayList<>();
        inputs.forEach(i -> specs.add(InputSpec.parse(i)));
        Map<String, Set<String>> gold = Labels.read(labels, base);
        Map<String, EvaluationCorpus.Complaint> corpus = SparkSessions.corpus("rootcause train-causes", specs);
        TaxonomyEvaluation evaluation = new TaxonomyEvaluation(base);
        List<ScoredComplaint> analysed = evaluation.analyse(gold, corpus);
        Map<String, float[]> cache = new ConcurrentHashMap<>();
        CauseScores before = evaluation.score(analysed, gold);
        List<ScoredComplaint> outOfFold = CrossValidation.outOfFold(base, analysed, gold, folds,
                t -> cache.computeIfAbsent(t, x -> SentenceEmbedder.shared(base.semantic().encoder()).embed(x)));
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
        out.print(report);

        String version = base.version() + "+trained";
        List<TrainingSentence> sentences = CauseTrainer.sentences(analysed, gold, evaluation.patterns());
        Files.createDirectories(output);
        Path bundle = output.resolve(TaxonomyLoader.BUNDLE_FILE);
        if (base.semantic().decision() == SemanticSettings.Decision.HEAD) {
            // The head is data: adjusted here, once, to every labelled sentence, and written beside the taxonomy.
            ExampleMatcher adjusted = ExampleMatcher.fit(base.withTraining(version, sentences),
                    t -> cache.computeIfAbsent(t, x -> SentenceEmbedder.shared(base.semantic().encoder()).embed(x)));
            Files.writeString(output.resolve(TaxonomyWriter.HEAD_FILE), CauseHeadFile.json(adjusted.linearModel(), threshold,
                    base.semantic().encoder(), Map.of("labelled_complaints", analysed.size(),
                            "labelled_sentences", sentences.size(), "labels", labels.toString(), "folds", folds)));
            Files.writeString(bundle, TaxonomyWriter.withTrainedHead(TaxonomyLoader.text(taxonomyFile), version, threshold));
        } else {
            Files.writeString(bundle, TaxonomyWriter.withTrainingSentences(TaxonomyLoader.text(taxonomyFile), version, threshold, sentences));
        }
        Files.writeString(output.resolve("cross-validation.txt"), report.toString());
        TaxonomyLoader.load(output); // the bundle must load as run --taxonomy will load it
        out.printf("wrote %s: taxonomy %s %s with %d labelled training sentences%n", bundle, base.id(), version, sentences.size());
        out.printf(Locale.ROOT, "cv micro precision=%s recall=%s f1=%s folds=%d n=%d%n", CauseScores.format(cv.micro().precision()),
                CauseScores.format(cv.micro().recall()), CauseScores.format(cv.micro().f1()), folds, analysed.size());
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
