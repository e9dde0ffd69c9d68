package rootcause.clean;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import rootcause.model.Columns;
import rootcause.model.StageInput;

import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Normalises complaint text, redacts PII and person names, and marks exact duplicates (same normalised text from
 * the same source) without dropping them. Also redacts the raw records of rejected rows, so nothing unredacted is
 * ever written. The text logic lives in {@link TextNormalizer}, {@link PiiRedactor} and {@link NameRedactor}.
 */
public final class CleanStage {
    public static final List<String> INPUT_COLUMNS = List.of(Columns.COMPLAINT_ID, Columns.SOURCE,
            Columns.SOURCE_FILE, Columns.RECORD, Columns.CREATED_DATE, Columns.MONTH, Columns.TEXT);

    private static final String DUPLICATE_KEY = "rc_duplicate_key";
    private static final String RANK = "rc_rank";

    private final TextNormalizer normalizer = new TextNormalizer();
    private final PiiRedactor redactor = new PiiRedactor();
    private final NameRedactor names = new NameRedactor();
    /** Null: the name models read every text, every time. */
    private final CachedNames cachedNames;

    /** Runs the name models on every text (the evaluation commands: nothing is kept between runs). */
    public CleanStage() {
        this.cachedNames = null;
    }

    /**
     * Keeps each distinct text's person names in the cache: the name models read only texts no earlier run has.
     * {@link #clean} and {@link #redactRejects} then run them before returning, so their counts are known.
     */
    public CleanStage(NameCache cache) {
        this.cachedNames = new CachedNames(cache, names);
    }

    /** Accepted complaints with clean, redacted text and duplicate marks ({@link rootcause.model.DataContract#DUPLICATES}). */
    public Dataset<Row> clean(Dataset<Row> accepted) {
        StageInput.require("clean", accepted, INPUT_COLUMNS);
        TextNormalizer n = normalizer;
        return markDuplicates(redactNames(accepted.withColumn(Columns.TEXT, patterns(n::normalize).apply(col(Columns.TEXT))),
                Columns.TEXT));
    }

    /** Filtered and rejected records with their raw record and detail redacted. */
    public Dataset<Row> redactRejects(Dataset<Row> rejects) {
        StageInput.require("clean (rejects)", rejects, List.of(Columns.RAW_RECORD, Columns.DETAIL));
        UserDefinedFunction redact = patterns(t -> t);
        Dataset<Row> patternsGone = rejects.withColumn(Columns.RAW_RECORD, redact.apply(col(Columns.RAW_RECORD)))
                .withColumn(Columns.DETAIL, redact.apply(col(Columns.DETAIL)));
        return redactNames(redactNames(patternsGone, Columns.RAW_RECORD), Columns.DETAIL);
    }

    /** Distinct texts whose person names were looked up in the cache (complaints, raw records, details); 0 without one. */
    public long nameTextsLookedUp() {
        return cachedNames == null ? 0 : cachedNames.textsLookedUp();
    }

    /** Distinct texts the name models read (not in the cache); 0 without a cache, where the count is not kept. */
    public long nameTextsAnalysed() {
        return cachedNames == null ? 0 : cachedNames.textsAnalysed();
    }

    /** What the name cache's lookups persisted: the caller unpersists it once the stage's output is used. */
    public List<Dataset<Row>> persisted() {
        return cachedNames == null ? List.of() : cachedNames.persisted();
    }

    /** The pattern redactors (after {@code before}) on a column; null stays null. */
    private UserDefinedFunction patterns(SerializableText before) {
        PiiRedactor r = redactor;
        return udf((UDF1<String, String>) t -> t == null ? null : r.redact(before.apply(t)), DataTypes.StringType);
    }

    // Names after the patterns: an e-mail address or a street is gone before the model could split it into "names".
    private Dataset<Row> redactNames(Dataset<Row> rows, String column) {
        if (cachedNames != null) {
            return cachedNames.redact(rows, column);
        }
        NameRedactor p = names;
        return rows.withColumn(column, udf((UDF1<String, String>) p::redact, DataTypes.StringType).apply(col(column)));
    }

    private interface SerializableText extends java.io.Serializable {
        String apply(String text);
    }

    /** The first complaint of a (source, normalised text) group, by date then id, is the original. */
    private static Dataset<Row> markDuplicates(Dataset<Row> complaints) {
        UserDefinedFunction key = udf((UDF1<String, String>) TextNormalizer::duplicateKey, DataTypes.StringType);
        WindowSpec group = Window.partitionBy(col(Columns.SOURCE), col(DUPLICATE_KEY))
                .orderBy(col(Columns.CREATED_DATE), col(Columns.COMPLAINT_ID), col(Columns.SOURCE_FILE), col(Columns.RECORD));
        Column isDuplicate = col(RANK).gt(1);
        // DataContract.DUPLICATES' order: duplicate_of, then is_duplicate.
        return complaints
                .withColumn(DUPLICATE_KEY, key.apply(col(Columns.TEXT)))
                .withColumn(RANK, row_number().over(group))
                .withColumn(Columns.DUPLICATE_OF, when(isDuplicate, first(col(Columns.COMPLAINT_ID)).over(group)))
                .withColumn(Columns.IS_DUPLICATE, isDuplicate)
                .drop(DUPLICATE_KEY, RANK);
    }
}
