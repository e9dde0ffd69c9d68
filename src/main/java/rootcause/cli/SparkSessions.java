package rootcause.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session for a verb: spark-submit's settings when present, local mode otherwise. */
final class SparkSessions {
    private SparkSessions() {}

    static SparkSession forJob(String appName) {
        SparkConf conf = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName(appName)
                .config("spark.sql.session.timeZone", "UTC");
        if (!conf.contains("spark.master")) {
            builder.master("local[*]");
        }
        return builder.getOrCreate();
    }
}
