package rootcause.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import rootcause.job.manifest.RunManifest;
import rootcause.metric.EmergingRule;
import picocli.CommandLine.Option;
import rootcause.console.Console;
import rootcause.job.ReclassifyJob;
import rootcause.job.manifest.ReclassifyManifest;
import rootcause.job.tables.TableFormat;

import rootcause.io.OutputLayout;
import rootcause.io.Storage;

import java.nio.file.Path;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code reclassify}: classify, aggregate and report stored months again with a (new) taxonomy, without NLP. */
@Command(name = "reclassify", mixinStandardHelpOptions = true,
        footer = RootCauseCli.LAUNCHER_OPTIONS,
        description = "Classify stored months again from the sentences in OUT/complaints (after a taxonomy edit) and "
                + "rewrite their complaints, stats, candidates, causes and reports. Runs no NLP; writes "
                + OutputLayout.RECLASSIFY_MANIFEST + ".")
public final class ReclassifyCommand implements Callable<Integer> {

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "Output folder of an earlier run (a path or a URI: hdfs://, s3a://, ...).")
    String output;

    @Option(names = "--months", split = ",", paramLabel = "YYYY-MM",
            description = "Only these months (comma-separated). Default: every month in OUT/complaints.")
    List<String> months = new ArrayList<>();

    @Mixin
    CommonJobOptions common = new CommonJobOptions();

    @Mixin
    EmergingRuleOptions emerging = new EmergingRuleOptions();

    @Override
    public Integer call() {
        org.apache.hadoop.fs.Path out = Storage.path(output);
        // Without --table-format it rewrites the folder in the format it holds.
        TableFormat format = common.givenTableFormat();
        // It rewrites months of the folder, so it holds the folder's lock like a run.
        return LockedOutput.run("reclassify", out, OutputLayout.RECLASSIFY_MANIFEST, UUID.randomUUID().toString(), common.verbose,
                TableFormat.sessionFor(format), (spark, log, lock) -> {
            EmergingRule rule = emerging.rule(RunManifest.emergingRule(Storage.of(spark), new OutputLayout(out).manifest()));
            ReclassifyManifest manifest = new ReclassifyJob(spark, out, months, common.taxonomy, format, rule).run();
            RunSummary.lines(Storage.of(spark), out, manifest.monthsReported(), log, OutputLayout.RECLASSIFY_MANIFEST)
                    .forEach(Console::line);
            System.out.printf("rootcause: reclassified %s (%d complaints) with %s, no NLP -> %s%n",
                    manifest.monthsReclassified(), manifest.complaintsByMonth().values().stream().mapToLong(Long::longValue).sum(),
                    manifest.taxonomy().get("version"), Storage.display(out));
            return 0;
        });
    }
}
