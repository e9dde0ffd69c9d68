package rootcause.job;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import rootcause.ingest.IngestStage;
import rootcause.model.Columns;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.*;

/** Per-file counts for the manifest, from one small aggregation over the ingested rows and one over duplicates. */
final class ManifestCounts {
    private ManifestCounts() {}

    static List<FileCounts> perFile(Dataset<Row> rows, Dataset<Row> complaints, List<String> files) {
        List<Row> byReason = rows.groupBy(col(Columns.SOURCE_FILE), col(Columns.SOURCE), col(Columns.DISPOSITION),
                        col(Columns.REASON), col(Columns.MONTH))
                .count().collectAsList();
        Map<String, Long> duplicates = new TreeMap<>();
        complaints.filter(col(Columns.IS_DUPLICATE)).groupBy(col(Columns.SOURCE_FILE)).count().collectAsList()
                .forEach(r -> duplicates.put(r.getString(0), r.getLong(1)));

        Map<String, Builder> builders = new LinkedHashMap<>();
        files.forEach(f -> builders.put(f, new Builder(f)));
        for (Row r : byReason) {
            Builder b = builders.computeIfAbsent(r.getString(0), Builder::new);
            b.source = r.getString(1);
            String disposition = r.getString(2);
            String reason = r.getString(3);
            long n = r.getLong(5);
            b.read += n;
            switch (disposition) {
                case IngestStage.ACCEPTED -> {
                    b.accepted += n;
                    b.byMonth.merge(r.getString(4), n, Long::sum);
                }
                case IngestStage.REJECTED -> b.rejected.merge(reason, n, Long::sum);
                case IngestStage.FILTERED -> b.filtered.merge(reason, n, Long::sum);
                default -> throw new IllegalStateException("unknown disposition " + disposition);
            }
        }
        return builders.values().stream().map(b -> b.build(duplicates.getOrDefault(b.file, 0L))).toList();
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

        FileCounts build(long duplicates) {
            return new FileCounts(file, source, read, accepted,
                    rejected.values().stream().mapToLong(Long::longValue).sum(),
                    filtered.values().stream().mapToLong(Long::longValue).sum(),
                    duplicates, rejected, filtered, byMonth);
        }
    }
}
