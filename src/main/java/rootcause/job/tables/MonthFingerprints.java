package rootcause.job.tables;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import rootcause.io.OutputLayout;
import rootcause.io.Storage;
import rootcause.model.Columns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

/**
 * A content fingerprint per month of a month-partitioned dataset ({@link #of}), and the fingerprints of what an output
 * folder stores ({@code OUT/_fingerprints/<dataset>/month=…}, {@link OutputLayout#monthFingerprint}). Equal
 * fingerprints mean the same rows, all columns, in any order: a run skips writing such a month.
 *
 * <p>Whoever replaces a month {@link #forget}s its fingerprint before the write and {@link #remember}s the new one
 * only once the month is what readers read, so a stored fingerprint never describes other rows than the stored month
 * (a run killed in between leaves none, and the next run writes the month).
 */
public final class MonthFingerprints {
    // Sums, not XOR: two equal rows must not cancel out. Decimal: a long sum overflows (an error in ANSI mode).
    private static final DecimalType SUM = DataTypes.createDecimalType(38, 0);
    private static final String ROWS = "rc_rows";
    private static final String SUM_A = "rc_sum_a";
    private static final String SUM_B = "rc_sum_b";

    private final Storage storage;
    private final OutputLayout layout;

    public MonthFingerprints(Storage storage, Path output) {
        this.storage = storage;
        this.layout = new OutputLayout(output);
    }

    /**
     * Per month of the data: SHA-256 of its schema (names and types: whether a column may hold nulls is not content,
     * and differs between freshly computed and read-back rows), its row count and two order-independent sums of 64-bit row hashes
     * (differently seeded), so rows in another order give the same fingerprint and any changed value another. One
     * Spark job over the data.
     */
    public static Map<String, String> of(Dataset<Row> data) {
        Dataset<Row> values = data.drop(Columns.MONTH);
        String schema = values.schema().catalogString();
        Map<String, String> out = new TreeMap<>();
        Column[] sums = sums(values.schema());
        for (Row r : data.groupBy(col(Columns.MONTH)).agg(sums[0], sums[1], sums[2]).collectAsList()) {
            out.put(r.getString(0), digest(schema, r, 1));
        }
        return out;
    }

    /** The same fingerprint over all the data's rows, whatever their month: for a dataset not kept per month. */
    public static String ofAll(Dataset<Row> data) {
        Column[] sums = sums(data.schema());
        return digest(data.schema().catalogString(), data.agg(sums[0], sums[1], sums[2]).head(), 0);
    }

    private static Column[] sums(StructType schema) {
        Column[] values = Arrays.stream(schema.fields()).map(MonthFingerprints::hashed).toArray(Column[]::new);
        Column[] salted = new Column[values.length + 1];
        salted[0] = lit("rootcause-month-fingerprint");
        System.arraycopy(values, 0, salted, 1, values.length);
        return new Column[]{count(lit(1)).as(ROWS), sum(xxhash64(values).cast(SUM)).as(SUM_A), sum(xxhash64(salted).cast(SUM)).as(SUM_B)};
    }

    /**
     * A top-level double is hashed as a float: the statistics' sums of doubles differ in their last bits with the
     * order a shuffle's blocks arrive in, and an unchanged month must not look changed (and be written again) for
     * that. A real change moves a count, or a sum by far more than a float's 7 significant digits.
     */
    private static Column hashed(StructField field) {
        Column c = col(field.name());
        return field.dataType() instanceof DoubleType ? c.cast(DataTypes.FloatType) : c;
    }

    private static String digest(String schema, Row sums, int from) {
        return DigestUtils.sha256Hex(schema + "\n" + sums.getLong(from) + " " + sums.get(from + 1) + " " + sums.get(from + 2));
    }

    /** The stored fingerprints of those months of a dataset that have one. */
    public Map<String, String> stored(String dataset, Collection<String> months) {
        Map<String, String> out = new TreeMap<>();
        for (String month : months) {
            Path file = layout.monthFingerprint(dataset, month);
            try {
                if (storage.isFile(file)) {
                    out.put(month, storage.readString(file).trim());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + Storage.display(file), e);
            }
        }
        return out;
    }

    /** Deletes the stored fingerprints of months about to be replaced. */
    public void forget(String dataset, Collection<String> months) {
        for (String month : months) {
            Path file = layout.monthFingerprint(dataset, month);
            try {
                storage.delete(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + Storage.display(file), e);
            }
        }
    }

    /** Stores the fingerprints of months readers now read. */
    public void remember(String dataset, Map<String, String> fingerprints) {
        fingerprints.forEach((month, fingerprint) -> {
            Path file = layout.monthFingerprint(dataset, month);
            try {
                storage.replace(file, (fingerprint + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + Storage.display(file), e);
            }
        });
    }

    /** The months whose computed fingerprint differs from the stored one, or that have none (sorted). */
    public static List<String> changed(List<String> months, Map<String, String> computed, Map<String, String> stored) {
        List<String> out = new ArrayList<>();
        for (String month : months) {
            String now = computed.get(month);
            if (now == null || !now.equals(stored.get(month))) {
                out.add(month);
            }
        }
        return out;
    }
}
