package rootcause.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.evaluation.causes.AirlineNegatives;
import rootcause.evaluation.causes.CauseScores;
import rootcause.evaluation.EvaluationCorpus;
import rootcause.evaluation.causes.Labels;
import rootcause.evaluation.causes.ScoredComplaint;
import rootcause.evaluation.causes.TaxonomyEvaluation;
import rootcause.evaluation.causes.ThresholdSweep;
import rootcause.ingest.InputSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code evaluate-taxonomy}: scores the taxonomy (patterns plus semantic layer) against hand labels. The exports go
 * through the job's own profiles and clean stage in local Spark; the scoring lives in {@code rootcause.evaluation.causes}.
 */
@Command(name = "evaluate-taxonomy", mixinStandardHelpOptions = true,
        description = "Score the root-cause taxonomy on hand labels (source,id,cause_ids), reading the exports "
                + "through the job's own profiles and clean stage.")
public final class EvaluateTaxonomyCommand implements Callable<Integer> {
    /** The real public exports by file name, with the profile that reads each. */
    static final Map<String, String> REAL_EXPORTS = Map.of(
            "cfpb_complaints_sample_2015_2020.csv", "cfpb",
            "cfpb_complaints_export_2023_payday_personal_loans_narratives.csv", "cfpb",
            "cfpb_complaints_sample_2012_2026.csv", "cfpb",
            "twcs_customer_support_twitter_first5000.csv", "twcs",
            "airline_tweets_Tweets.csv", "airline");

    @Spec
    CommandSpec spec;

    @Option(names = "--labels", paramLabel = "CSV", required = true,
            description = "hand labels source,id,cause_ids; repeat to score several sets separately")
    List<Path> labels = new ArrayList<>();

    @Option(names = "--input", paramLabel = "PROFILE=PATH",
            description = "an export to read the labelled complaints from, as for run; repeatable")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "a folder of the real public exports (read by their built-in profiles) instead of --input")
    Path dataDir;

    @Option(names = "--taxonomy", paramLabel = "PATH", description = "taxonomy YAML (default: the built-in one)")
    Path taxonomyFile;

    @Option(names = "--patterns-only", description = "switch the semantic layer off: today's patterns alone")
    boolean patternsOnly;

    @Option(names = "--show-errors", description = "list each labelled complaint classified wrongly (ids and causes, no text)")
    boolean showErrors;

    @Option(names = "--sweep", description = "also score a grid of semantic thresholds, each with the other setting the decision reads "
            + "(a head's pattern confirmation, a nearest_example margin), for tuning on a dev set only")
    boolean sweep;

    @Option(names = "--sweep-causes", paramLabel = "MIN_LABELS",
            description = "also choose a threshold per cause, for the causes with at least MIN_LABELS labels, over all "
                    + "the --labels files pooled (for tuning sets only)")
    Integer sweepCausesMinLabels;

    @Option(names = "--airline-negatives", description = "the share of negative airline tweets (by the export's human "
            + "airline_sentiment label) that get no cause, over the whole airline export")
    boolean airlineNegatives;

    /** Runs {@code evaluate-taxonomy} on its own, without the rootcause launcher. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateTaxonomyCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Taxonomy loaded = taxonomyFile == null ? TaxonomyLoader.loadDefault() : TaxonomyLoader.load(taxonomyFile);
        Taxonomy taxonomy = patternsOnly ? loaded.patternsOnly() : loaded;
        List<InputSpec> specs = inputSpecs();
        TaxonomyEvaluation evaluation = new TaxonomyEvaluation(taxonomy);
        out.printf("taxonomy %s %s, %d causes, %s%n%n", taxonomy.id(), taxonomy.version(), taxonomy.causes().size(),
                taxonomy.hasSemanticLayer() ? "patterns + semantic layer " + taxonomy.semantic() : "patterns only");
        Map<String, EvaluationCorpus.Complaint> corpus = SparkSessions.corpus("rootcause evaluate-taxonomy", specs);
        Map<String, Set<String>> pooledGold = new LinkedHashMap<>();
        List<ScoredComplaint> pooled = new ArrayList<>();
        for (Path file : labels) {
            Map<String, Set<String>> gold = Labels.read(file, taxonomy);
            List<ScoredComplaint> analysed = evaluation.analyse(gold, corpus);
            pooledGold.putAll(gold);
            pooled.addAll(analysed);
            out.printf("== %s: %d labelled complaints%n", file, analysed.size());
            evaluation.score(analysed, gold).print(out);
            if (showErrors) {
                evaluation.errors(analysed, gold).forEach(e -> out.println("  " + e));
            }
            if (sweep && taxonomy.hasSemanticLayer()) {
                sweep(out, evaluation, analysed, gold);
            }
            out.println();
            out.flush();
        }
        if (sweepCausesMinLabels != null && taxonomy.hasSemanticLayer()) {
            perCauseSweep(out, evaluation, pooled, pooledGold, sweepCausesMinLabels);
        }
        if (airlineNegatives) {
            airlineNegatives(out, evaluation, corpus, specs);
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private void sweep(PrintWriter out, TaxonomyEvaluation evaluation, List<ScoredComplaint> analysed,
                       Map<String, Set<String>> gold) {
        out.println("sweep: decision threshold [margin or confirm] -> micro precision recall f1");
        for (ThresholdSweep.Point p : ThresholdSweep.of(evaluation, analysed, gold)) {
            CauseScores s = p.scores();
            out.printf(Locale.ROOT, "  %s %.3f%s -> %.3f %.3f %.3f%n", p.decision().yaml(), p.threshold(),
                    p.second().isEmpty() ? "" : " " + p.second(), s.micro().precision(), s.micro().recall(), s.micro().f1());
        }
    }

    private void perCauseSweep(PrintWriter out, TaxonomyEvaluation evaluation, List<ScoredComplaint> pooled,
                               Map<String, Set<String>> gold, int minLabels) {
        CauseScores start = evaluation.score(pooled, gold);
        out.printf(Locale.ROOT, "per-cause thresholds: %d labelled complaints pooled, causes with at least %d labels, "
                + "most labelled first -> micro precision recall f1%n", pooled.size(), minLabels);
        out.printf(Locale.ROOT, "  the taxonomy's thresholds -> %.3f %.3f %.3f%n",
                start.micro().precision(), start.micro().recall(), start.micro().f1());
        for (ThresholdSweep.CauseThreshold c : ThresholdSweep.perCause(evaluation, pooled, gold, minLabels)) {
            CauseScores s = c.scores();
            out.printf(Locale.ROOT, "  %s (%d labels) %.3f -> %.3f %.3f %.3f%n", c.causeId(), c.labels(), c.threshold(),
                    s.micro().precision(), s.micro().recall(), s.micro().f1());
        }
        out.println();
    }

    private void airlineNegatives(PrintWriter out, TaxonomyEvaluation evaluation,
                                  Map<String, EvaluationCorpus.Complaint> corpus, List<InputSpec> specs) {
        for (AirlineNegatives.Share share : AirlineNegatives.of(evaluation, corpus, specs)) {
            out.printf(Locale.ROOT, "== %s: %d negative tweets (human label), no cause: %.3f%n",
                    share.file(), share.negatives(), share.unclassified());
        }
    }

    private List<InputSpec> inputSpecs() {
        List<InputSpec> specs = new ArrayList<>();
        for (String input : inputs) {
            specs.add(InputSpec.parse(input));
        }
        if (dataDir != null) {
            REAL_EXPORTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                Path file = dataDir.resolve(e.getKey());
                if (Files.isRegularFile(file)) {
                    specs.add(InputSpec.parse(e.getValue() + "=" + file));
                }
            });
        }
        if (specs.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --input PROFILE=PATH (repeatable) or --data-dir DIR");
        }
        return specs;
    }
}
