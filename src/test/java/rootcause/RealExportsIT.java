package rootcause;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.ingest.InputSpec;
import rootcause.job.manifest.FileCounts;
import rootcause.job.JobConfig;
import rootcause.job.RootCauseJob;
import rootcause.job.manifest.RunManifest;
import rootcause.model.Columns;
import rootcause.nlp.NlpSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real public exports in ../shared/data/real (or $ROOTCAUSE_REAL_DATA), through ingest and clean: every
 * file reads, counts reconcile, no PII pattern survives in any output. Skipped when the folder is absent.
 */
class RealExportsIT {
    static Path real;
    @TempDir
    static Path out;
    static RunManifest manifest;

    @BeforeAll
    static void runOnRealExports() {
        String env = System.getenv("ROOTCAUSE_REAL_DATA");
        real = Path.of(env != null ? env : "../shared/data/real");
        assumeTrue(Files.isDirectory(real), "no real exports at " + real.toAbsolutePath());
        List<InputSpec> inputs = List.of(
                InputSpec.parse("cfpb=" + real.resolve("cfpb_complaints_sample_2015_2020.csv")),
                InputSpec.parse("cfpb=" + real.resolve("cfpb_complaints_export_2023_payday_personal_loans_narratives.csv")),
                InputSpec.parse("cfpb=" + real.resolve("cfpb_complaints_sample_2012_2026.csv")),
                InputSpec.parse("twcs=" + real.resolve("twcs_customer_support_twitter_first5000.csv")),
                InputSpec.parse("airline=" + real.resolve("airline_tweets_Tweets.csv")));
        JobConfig config = new JobConfig(inputs, rootcause.io.Storage.path(out.toString()), Set.of(), null, NlpSettings.defaults(), JobConfig.Stage.CLEAN, false, null);
        manifest = new RootCauseJob(SparkTestSession.get(), config).run();
    }

    @Test
    void everyFileReadsAndReconciles() {
        assertThat(manifest.files()).hasSize(5).allSatisfy(f -> {
            assertThat(f.reconciles()).as(f.file()).isTrue();
            assertThat(f.rowsAccepted()).as(f.file()).isPositive();
        });
        FileCounts cfpb = fileNamed("cfpb_complaints_sample_2015_2020.csv");
        assertThat(cfpb.rowsRead()).isEqualTo(6623);
        assertThat(cfpb.rowsAccepted()).isEqualTo(1532);
        assertThat(cfpb.filteredByReason()).containsEntry("no_text", 5091L);
        FileCounts payday = fileNamed("payday_personal_loans_narratives.csv");
        assertThat(payday.rowsRead()).isEqualTo(2827);
        assertThat(payday.rowsAccepted()).as("MM/DD/YY dates, CRLF").isEqualTo(2827);
        assertThat(fileNamed("cfpb_complaints_sample_2012_2026.csv").rowsAccepted()).isEqualTo(272);
        FileCounts airline = fileNamed("airline_tweets_Tweets.csv");
        assertThat(airline.rowsRead()).isEqualTo(14640);
        FileCounts twcs = fileNamed("twcs_customer_support_twitter_first5000.csv");
        assertThat(twcs.rowsRead()).as("5,000 tweets, 3399 as one record").isEqualTo(5000);
        assertThat(twcs.filteredByReason()).containsEntry("company_reply", 2222L);
    }

    @Test
    void theTweetWithABareCarriageReturnIsOneRecord() {
        Dataset<Row> complaints = SparkTestSession.get().read().parquet(out.resolve("complaints").toString());
        Dataset<Row> rejects = SparkTestSession.get().read().parquet(out.resolve("rejects").toString());
        long asComplaint = complaints.filter(col(Columns.SOURCE).equalTo("twcs").and(col(Columns.COMPLAINT_ID).equalTo("3399"))).count();
        long asReject = rejects.filter(col(Columns.SOURCE).equalTo("twcs").and(col(Columns.COMPLAINT_ID).equalTo("3399"))).count();
        assertThat(asComplaint + asReject).isEqualTo(1);
        assertThat(rejects.filter(col(Columns.SOURCE).equalTo("twcs").and(col(Columns.REASON).equalTo("malformed_record"))).count())
                .as("no broken pieces of tweet 3399").isZero();
    }

    @Test
    void outputsMeetTheContractAndHoldNoPii() throws Exception {
        assertThat(OutputContract.violations(out, SparkTestSession.get())).isEmpty();
    }

    private static FileCounts fileNamed(String suffix) {
        return manifest.files().stream().filter(f -> f.file().endsWith(suffix)).findFirst().orElseThrow();
    }
}
