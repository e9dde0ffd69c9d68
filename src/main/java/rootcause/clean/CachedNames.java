package rootcause.clean;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/**
 * Person-name redaction of one text column through a {@link NameCache}: the distinct texts whose key the cache holds
 * take their spans from it, the others go through {@link NameRedactor} on executors (and are appended to the cache),
 * then every row's names are replaced from its text's spans ({@link NameRedactor#redact(String, List)}). Counts what
 * it looked up and analysed, summed over the columns it redacted, for the manifest.
 */
final class CachedNames {
    private static final String ROW_KEY = "rc_name_key";
    private static final String TEXT = "rc_name_text";
    /** Distinct texts per NER task: enough work per task, yet every core busy on a small input. */
    private static final long TEXTS_PER_PARTITION = 500;

    private final NameCache cache;
    private final NameRedactor names;
    private final List<Dataset<Row>> persisted = new ArrayList<>();
    private long textsLookedUp;
    private long textsAnalysed;

    CachedNames(NameCache cache, NameRedactor names) {
        this.cache = cache;
        this.names = names;
    }

    /**
     * The rows with {@code column}'s names replaced. Runs the name models over the texts the cache lacks before
     * returning (so the counts are known) and appends their spans to the cache.
     */
    Dataset<Row> redact(Dataset<Row> rows, String column) {
        Dataset<Row> keyed = rows.withColumn(ROW_KEY, NameCache.key(col(column)));
        Dataset<Row> texts = keyed.where(col(column).isNotNull()).select(col(ROW_KEY), col(column).as(TEXT));
        Dataset<Row> keys = texts.select(ROW_KEY).distinct();
        textsLookedUp += keys.count();
        Dataset<Row> stored = cache.read(rows.sparkSession());
        Dataset<Row> unseen = texts.join(stored.select(NameCache.KEY), texts.col(ROW_KEY).equalTo(stored.col(NameCache.KEY)),
                "left_anti");
        Dataset<Row> found = analyse(unseen);
        Dataset<Row> hits = stored.join(keys, stored.col(NameCache.KEY).equalTo(keys.col(ROW_KEY)), "left_semi");
        // A key stored twice (a cache folder copied into itself) must not duplicate rows.
        Dataset<Row> spans = found.unionByName(hits).dropDuplicates(NameCache.KEY);
        UserDefinedFunction replace = udf((UDF2<String, Seq<Row>, String>) CachedNames::replace, DataTypes.StringType);
        List<Column> out = new ArrayList<>();
        for (String name : rows.columns()) {
            out.add(name.equals(column) ? replace.apply(keyed.col(column), spans.col(NameCache.NAMES)).as(column) : keyed.col(name));
        }
        return keyed.join(spans, keyed.col(ROW_KEY).equalTo(spans.col(NameCache.KEY)), "left").select(out.toArray(Column[]::new));
    }

    /** Distinct texts looked up in the cache so far, over every column redacted. */
    long textsLookedUp() {
        return textsLookedUp;
    }

    /** Distinct texts the name models read so far (not in the cache), over every column redacted. */
    long textsAnalysed() {
        return textsAnalysed;
    }

    /** The new spans, persisted: read by the cache write and the join; the caller unpersists them after use. */
    List<Dataset<Row>> persisted() {
        return List.copyOf(persisted);
    }

    /** Spans of the distinct unseen texts, counted into {@link #textsAnalysed} and appended to the cache. */
    private Dataset<Row> analyse(Dataset<Row> unseen) {
        Dataset<Row> distinct = unseen.dropDuplicates(ROW_KEY);
        long count = distinct.count();
        textsAnalysed += count;
        if (count == 0) {
            // Nothing new: no task may load the name models for nothing.
            return unseen.sparkSession().createDataFrame(List.of(), NameCache.SCHEMA);
        }
        int partitions = (int) Math.max(unseen.sparkSession().sparkContext().defaultParallelism(),
                Math.min(10_000, (count + TEXTS_PER_PARTITION - 1) / TEXTS_PER_PARTITION));
        // An explicit repartition keeps its count: adaptive execution would coalesce the small shuffle into one task.
        Dataset<Row> found = unseen.repartition(partitions, col(ROW_KEY)).dropDuplicates(ROW_KEY)
                .mapPartitions(new FindNames(names), Encoders.row(NameCache.SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(found);
        // Filled here, one task per partition: the cache write's coalesce would otherwise run every text in one task.
        found.count();
        cache.append(found, count);
        return found;
    }

    /** The text with its spans' names replaced; a text without spans was never looked up: fail, never write it. */
    static String replace(String text, Seq<Row> spans) {
        if (text == null) {
            return null;
        }
        if (spans == null) {
            throw new IllegalStateException("no person-name spans for a text (key " + NameCache.key(text)
                    + "): it would be written unredacted");
        }
        List<NameRedactor.Span> list = new ArrayList<>();
        for (Row s : CollectionConverters.asJava(spans)) {
            list.add(new NameRedactor.Span(s.getInt(0), s.getInt(1)));
        }
        return NameRedactor.redact(text, list);
    }

    /** Runs on executors: the spans of each (key, text) row, with the JVM's shared name models. */
    private static final class FindNames implements MapPartitionsFunction<Row, Row> {
        private final NameRedactor names;

        FindNames(NameRedactor names) {
            this.names = names;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                Row r = rows.next();
                List<Row> spans = new ArrayList<>();
                for (NameRedactor.Span s : names.names(r.getString(1))) {
                    spans.add(RowFactory.create(s.begin(), s.end()));
                }
                out.add(RowFactory.create(r.getString(0), CollectionConverters.asScala(spans).toSeq()));
            }
            return out.iterator();
        }
    }
}
