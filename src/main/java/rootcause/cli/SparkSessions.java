package rootcause.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import rootcause.job.tables.TableFormat;

/**
 * The one factory of every verb's Spark session: spark-submit's settings when present, local mode otherwise, and the
 * settings the job's outputs need whatever the platform.
 */
final class SparkSessions {
    private SparkSessions() {}

    static SparkSession forJob(String appName) {
        return forJob(appName, TableFormat.PARQUET);
    }

    /** With the settings the table format needs (Delta's SQL extension and catalog), only when it needs them. */
    static SparkSession forJob(String appName, TableFormat tableFormat) {
        SparkConf conf = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName(appName)
                .config("spark.sql.session.timeZone", "UTC")
                // Lets adaptive execution size a persisted dataset's partitions to its data, as it does every
                // shuffle's: otherwise the cleaned complaints stay in 200 partitions and every later action over
                // them runs 200 tasks (a fully cached run of the samples ran 5,728 tasks; with this, 152).
                .config("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
        // month=2025-09 folders read back as the string "2025-09", not as a date.
        TableFormat.READ_SETTINGS.forEach(builder::config);
        tableFormat.sessionSettings().forEach(builder::config);
        if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }

    /** The cleaned complaints of the inputs, read in a session of their own that is stopped before returning. */
    static java.util.Map<String, rootcause.evaluation.EvaluationCorpus.Complaint> corpus(
            String appName, java.util.List<rootcause.ingest.InputSpec> inputs) {
        SparkSession spark = forJob(appName);
        try {
            return rootcause.evaluation.EvaluationCorpus.load(spark, inputs);
        } finally {
            spark.stop();
        }
    }
}
