package rootcause.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import rootcause.metric.EmergingRule;
import picocli.CommandLine.Option;
import rootcause.console.Console;
import rootcause.ingest.InputSpec;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.job.JobConfig;
import rootcause.job.RootCauseJob;
import rootcause.job.manifest.RunManifest;
import rootcause.nlp.NlpSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code run}: the whole job, from CSV exports to the output folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        footer = RootCauseCli.LAUNCHER_OPTIONS,
        description = "Reads complaint exports, finds their root causes and writes Parquet, CSV and reports.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "PROFILE=PATH",
            description = "An export to read: PROFILE is a built-in profile (cfpb, twcs, airline, survey) or a profile "
                    + "file; PATH a CSV file or a folder of CSV files. Repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Output folder: a local path or a Hadoop URI (hdfs://, s3a://, abfss://).")
    String output;

    @Option(names = "--months", split = ",", paramLabel = "YYYY-MM",
            description = "Only these months (comma-separated). Default: every month in the inputs.")
    List<String> months = new ArrayList<>();

    @Mixin
    CommonJobOptions common = new CommonJobOptions();

    @Mixin
    EmergingRuleOptions emerging = new EmergingRuleOptions();

    @Option(names = "--force",
            description = "Run even when the output folder already holds the result of these very inputs and settings "
                    + "(by default such a re-run says it is up to date and stops).")
    boolean force;

    @Option(names = "--patterns-only",
            description = "Switch the taxonomy's semantic layer off: patterns only, no sentence embeddings (faster, less recall).")
    boolean patternsOnly;

    @Option(names = "--sentiment-model", paramLabel = "DIR",
            description = "The sentiment model: default (shipped) or a folder written by train-sentiment; a model "
                    + "trained with --features ngrams needs no parser, so the nlp stage runs many times faster.")
    String sentimentModel;

    @Option(names = "--max-sentence-tokens", defaultValue = "" + NlpSettings.DEFAULT_MAX_SENTENCE_TOKENS, paramLabel = "N",
            description = "Longer sentences are not parsed; their sentiment is unknown (default: ${DEFAULT-VALUE}).")
    int maxSentenceTokens;

    @Option(names = "--stop-after", defaultValue = "report", paramLabel = "STAGE",
            converter = StageConverter.class,
            description = "Last stage to run: clean, nlp, classify or report (default: ${DEFAULT-VALUE}). "
                    + "'clean' is a fast check of counts, rejects and redaction.")
    JobConfig.Stage stopAfter;

    @Option(names = "--max-rejected-share", paramLabel = "SHARE",
            description = "Exit with code 3 when more than this share (0-1) of the rows read is rejected; without it a "
                    + "high rejected share is only a warning.")
    Double maxRejectedShare;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (maxRejectedShare != null && (maxRejectedShare < 0 || maxRejectedShare > 1)) {
            throw new IllegalArgumentException("--max-rejected-share " + maxRejectedShare + ": give a share from 0 to 1");
        }
        List<InputSpec> specs = inputs.stream().map(InputSpec::parse).toList();
        org.apache.hadoop.fs.Path out = Storage.path(output);
        JobConfig config = new JobConfig(specs, out, new LinkedHashSet<>(months), common.taxonomy,
                new NlpSettings(NlpSettings.SHIFT_REDUCE, maxSentenceTokens), stopAfter, patternsOnly, sentimentModel,
                common.tableFormat(), emerging.rule(EmergingRule.DEFAULT));
        String runId = UUID.randomUUID().toString();
        return LockedOutput.run("run", out, OutputLayout.MANIFEST, runId, common.verbose, config.tableFormat(), (spark, log, lock) -> {
            // A run that took over a dead run's lock never trusts the folder: that run may have half-rewritten months.
            boolean skipIfUpToDate = !force && lock.replaced().isEmpty();
            RunManifest manifest = new RootCauseJob(spark, config, runId, skipIfUpToDate).run();
            RunSummary.lines(Storage.of(spark), out, manifest.monthsWritten(), log).forEach(Console::line);
            System.out.printf("rootcause: %d rows read, %d accepted, %d rejected, %d filtered, %d duplicates; months %s -> %s%n",
                    manifest.rowsRead(), manifest.rowsAccepted(), manifest.rowsRejected(), manifest.rowsFiltered(),
                    manifest.duplicates(), manifest.monthsWritten(), Storage.display(out));
            Optional<String> failed = failedDataCheck(manifest, maxRejectedShare, Storage.display(out));
            failed.ifPresent(f -> spec.commandLine().getErr().println("rootcause run: " + f));
            spec.commandLine().getErr().flush();
            return failed.isPresent() ? RootCauseCli.DATA_CHECK_FAILED : 0;
        });
    }

    /** Why a run that completed did nothing useful (exit code 3), naming the counts and where the reasons are. */
    static Optional<String> failedDataCheck(RunManifest m, Double maxRejectedShare, String out) {
        String counts = String.format(java.util.Locale.ROOT, "%,d rows read from %d files: %,d rejected %s, %,d filtered %s",
                m.rowsRead(), m.files().size(), m.rowsRejected(), m.rejectedByReason(), m.rowsFiltered(), m.filteredByReason());
        String where = "; each row's reason is in " + out + "/rejects, the counts in " + out + "/manifest.json";
        if (m.rowsRead() == 0) {
            return Optional.of("nothing accepted: the inputs hold no records after their header" + where);
        }
        if (m.rowsAccepted() == 0) {
            return Optional.of("nothing accepted: " + counts + where);
        }
        double share = (double) m.rowsRejected() / m.rowsRead();
        if (maxRejectedShare != null && share > maxRejectedShare) {
            return Optional.of(String.format(java.util.Locale.ROOT, "%.1f%% of the rows rejected, above --max-rejected-share %s: ",
                    100 * share, maxRejectedShare) + counts + where);
        }
        return Optional.empty();
    }

    /** Lower-case stage names on the command line. */
    static final class StageConverter implements picocli.CommandLine.ITypeConverter<JobConfig.Stage> {
        @Override
        public JobConfig.Stage convert(String value) {
            try {
                return JobConfig.Stage.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a stage; use clean, nlp, classify or report");
            }
        }
    }
}
