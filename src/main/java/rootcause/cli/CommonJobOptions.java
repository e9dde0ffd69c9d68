package rootcause.cli;

import picocli.CommandLine.Option;
import rootcause.job.tables.TableFormat;

/** The options {@code run} and {@code reclassify} share, defined once (a picocli mixin). */
final class CommonJobOptions {
    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "A taxonomy file, or a bundle folder from train-causes, to use instead of the built-in one.")
    String taxonomy;

    @Option(names = "--verbose",
            description = "Also show every INFO line (Spark's included) on the console; they are always in OUT/logs/.")
    boolean verbose;

    @Option(names = "--table-format", paramLabel = "FORMAT",
            description = "How complaints, stats, causes and candidates are stored: parquet (plain files; pandas reads "
                    + "them), delta (Delta Lake tables partitioned by month; a month is replaced in one commit, safe "
                    + "on object stores; earlier versions stay readable) or iceberg (Apache Iceberg tables partitioned "
                    + "by month, path-based; a month is replaced in one commit; earlier snapshots stay readable). "
                    + "Default: run writes parquet into a new folder; reclassify uses the folder's own format. An "
                    + "output folder keeps the format it was first written in.")
    String tableFormat;

    /** The format {@code --table-format} names (plain Parquet when not given); a clear error for any other. */
    TableFormat tableFormat() {
        return tableFormat == null ? TableFormat.PARQUET : TableFormat.named(tableFormat);
    }

    /** The format {@code --table-format} names; null when not given. */
    TableFormat givenTableFormat() {
        return tableFormat == null ? null : TableFormat.named(tableFormat);
    }
}
