package rootcause.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.evaluation.causes.CauseScores;
import rootcause.evaluation.EvaluationCorpus;
import rootcause.evaluation.causes.CauseTraining;
import rootcause.evaluation.causes.Labels;
import rootcause.ingest.InputSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

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
        CauseTraining.Result trained = CauseTraining.train(base, taxonomyFile, gold, corpus, folds, labels, output);
        out.print(trained.report());
        out.printf("wrote %s: taxonomy %s %s with %d labelled training sentences%n", trained.bundle(), base.id(),
                trained.version(), trained.sentences().size());
        CauseScores cv = trained.crossValidated();
        out.printf(Locale.ROOT, "cv micro precision=%s recall=%s f1=%s folds=%d n=%d%n", CauseScores.format(cv.micro().precision()),
                CauseScores.format(cv.micro().recall()), CauseScores.format(cv.micro().f1()), folds, trained.complaints());
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
