package rootcause.job.manifest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import rootcause.ingest.CsvStructure;
import rootcause.ingest.IngestStage;
import rootcause.model.Columns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.*;

/** Per-file counts for the manifest, from one small aggregation over the ingested rows and one over duplicates. */
public final class ManifestCounts {
    private static final String ROWS = "rc_rows";

    private ManifestCounts() {}

    public static List<FileCounts> perFile(Dataset<Row> rows, Dataset<Row> complaints, List<String> files,
                                   Map<String, CsvStructure.Lines> lines) {
        List<Row> byReason = rows.groupBy(col(Columns.SOURCE_FILE), col(Columns.SOURCE), col(Columns.DISPOSITION),
                        col(Columns.REASON), col(Columns.MONTH))
                .agg(count(lit(1)).as(ROWS)).collectAsList();
        Map<String, Long> duplicates = new TreeMap<>();
        complaints.filter(col(Columns.IS_DUPLICATE)).groupBy(col(Columns.SOURCE_FILE)).agg(count(lit(1)).as(ROWS))
                .collectAsList().forEach(r -> duplicates.put(r.getAs(Columns.SOURCE_FILE), r.<Long>getAs(ROWS)));

        Map<String, Builder> builders = new LinkedHashMap<>();
        files.forEach(f -> builders.put(f, new Builder(f)));
        for (Row r : byReason) {
            Builder b = builders.computeIfAbsent(r.getAs(Columns.SOURCE_FILE), Builder::new);
            b.source = r.getAs(Columns.SOURCE);
            String disposition = r.getAs(Columns.DISPOSITION);
            String reason = r.getAs(Columns.REASON);
            long n = r.<Long>getAs(ROWS);
            b.read += n;
            switch (disposition) {
                case IngestStage.ACCEPTED -> {
                    b.accepted += n;
                    b.byMonth.merge(r.getAs(Columns.MONTH), n, Long::sum);
                }
                case IngestStage.REJECTED -> b.rejected.merge(reason, n, Long::sum);
                case IngestStage.FILTERED -> b.filtered.merge(reason, n, Long::sum);
                default -> throw new IllegalStateException("unknown disposition " + disposition);
            }
        }
        return builders.values().stream().map(b -> b.build(duplicates.getOrDefault(b.file, 0L), lines.get(b.file))).toList();
    }

    private static final class Builder {
        final String file;
        String source;
        long read;
        long accepted;
        final Map<String, Long> rejected = new TreeMap<>();
        final Map<String, Long> filtered = new TreeMap<>();
        final Map<String, Long> byMonth = new TreeMap<>();

        Builder(String file) {
            this.file = file;
        }

        FileCounts build(long duplicates, CsvStructure.Lines physical) {
            return new FileCounts(file, source, read, accepted,
                    rejected.values().stream().mapToLong(Long::longValue).sum(),
                    filtered.values().stream().mapToLong(Long::longValue).sum(),
                    duplicates, rejected, filtered, byMonth, physical);
        }
    }
}
