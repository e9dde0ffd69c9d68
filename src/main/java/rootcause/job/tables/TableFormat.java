package rootcause.job.tables;

import java.util.Locale;
import java.util.Map;

/** How the month-partitioned datasets of an output folder are stored: plain Parquet folders, Delta or Iceberg tables. */
public enum TableFormat {
    /** Parquet files under {@code month=} folders, a month swapped in by rename: what pandas and pyarrow read. */
    PARQUET(Map.of()),
    /** Delta Lake tables partitioned by month, a month replaced in one commit (replaceWhere), versions kept. */
    DELTA(Map.of("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension",
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")),
    /**
     * Apache Iceberg tables partitioned by month, a month replaced in one commit (overwritePartitions), snapshots
     * kept. No static setting: the tables are read and written by path, and the catalog Iceberg resolves paths
     * through is set when they are opened ({@link IcebergMonthTables}).
     */
    ICEBERG(Map.of());

    /**
     * Spark settings every session that reads the month datasets needs, whatever their format: {@code month=2025-09}
     * folders read back as the string "2025-09", not as a date. Runtime settings, so they may be set on a session
     * already made as well as given to a new one: {@code cli.SparkSessions} starts every verb's session with them, and
     * {@link MonthFolders} sets them on a session made elsewhere (a notebook's, a test's).
     */
    public static final Map<String, String> READ_SETTINGS =
            Map.of("spark.sql.sources.partitionColumnTypeInference.enabled", "false");

    /** The names {@code --table-format} takes. */
    public static final String CHOICES = "parquet, delta or iceberg";

    private final Map<String, String> sessionSettings;

    TableFormat(Map<String, String> sessionSettings) {
        this.sessionSettings = sessionSettings;
    }

    /** Spark settings a session must start with to use the format; static ones, so they cannot be set later. */
    public Map<String, String> sessionSettings() {
        return sessionSettings;
    }

    /**
     * The format whose session opens an existing folder of any format: which one it holds is known only once Spark
     * can read the folder (its Hadoop settings reach s3a:// and the like), and Delta's static settings change nothing
     * for plain Parquet, while Iceberg needs none. The given format when there is one.
     */
    public static TableFormat sessionFor(TableFormat given) {
        return given == null ? DELTA : given;
    }

    /** Its name on the command line and in manifests. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format {@code --table-format} names. */
    public static TableFormat named(String name) {
        for (TableFormat format : values()) {
            if (format.label().equalsIgnoreCase(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("--table-format: '" + name + "' is not a table format; use " + CHOICES);
    }
}
