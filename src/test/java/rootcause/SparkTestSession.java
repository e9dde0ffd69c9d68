package rootcause;

import org.apache.spark.sql.SparkSession;

/**
 * The one local Spark session shared by every Spark test in a JVM (local[2], UI off, 2 shuffle partitions), with
 * Delta's settings so tests of either table format share it (a session cannot take them once started).
 */
public final class SparkTestSession {
    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        SparkSession.Builder builder = SparkSession.builder();
        rootcause.job.TableFormat.DELTA.sessionSettings().forEach(builder::config);
        return builder
                .master("local[2]")
                .appName("rootcause-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }
}
