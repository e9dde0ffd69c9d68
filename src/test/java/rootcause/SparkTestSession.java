package rootcause;

import org.apache.spark.sql.SparkSession;
import rootcause.job.tables.TableFormat;

import java.util.Map;

/**
 * The one local Spark session shared by every Spark test in a JVM (local[2], UI off, 2 shuffle partitions), with
 * Delta's settings so tests of either table format share it (a session cannot take them once started).
 */
public final class SparkTestSession {
    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        SparkSession session = builder().getOrCreate();
        if (!hasDeltaSettings(session)) {
            // A verb run in-process by an earlier test (its own session, from SparkSessions.forJob for plain Parquet)
            // left the active session without Delta's static settings: start the shared one again.
            session.stop();
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
            session = builder().getOrCreate();
        }
        return session;
    }

    private static boolean hasDeltaSettings(SparkSession session) {
        for (Map.Entry<String, String> setting : TableFormat.DELTA.sessionSettings().entrySet()) {
            if (!setting.getValue().equals(session.conf().get(setting.getKey(), ""))) {
                return false;
            }
        }
        return true;
    }

    private static SparkSession.Builder builder() {
        SparkSession.Builder builder = SparkSession.builder();
        TableFormat.DELTA.sessionSettings().forEach(builder::config);
        return builder
                .master("local[2]")
                .appName("rootcause-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC");
    }
}
