package rootcause.ingest;

import rootcause.model.DataContract;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import rootcause.io.Storage;
import rootcause.model.Columns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.*;

/**
 * Reads CSV exports through their source profiles with Spark's CSV reader and decides, for every record,
 * whether it is accepted, filtered (valid but excluded by a rule) or rejected (broken), with a reason.
 * Nothing is dropped: {@link IngestResult#rows()} holds every record read. Texts are raw here; the clean
 * stage normalises and redacts them (and the rejects' raw records) before anything is written.
 */
public final class IngestStage {
    public static final String ACCEPTED = "accepted";
    public static final String FILTERED = "filtered";
    public static final String REJECTED = "rejected";


    private static final String CORRUPT = "rc_corrupt_record";
    private static final String ROW_ORDER = "rc_row_order";
    private static final int RAW_RECORD_MAX_CHARS = 4000;

    private final SparkSession spark;
    private final Set<String> months;
    private final String labelColumn;

    /**
     * @param months the months ({@code YYYY-MM}) to accept; empty means all. Other valid rows are filtered as
     *               {@link RejectReason#MONTH_NOT_SELECTED}.
     */
    public IngestStage(SparkSession spark, Set<String> months) {
        this(spark, months, null);
    }

    private IngestStage(SparkSession spark, Set<String> months, String labelColumn) {
        this.spark = spark;
        this.months = Set.copyOf(months);
        this.labelColumn = labelColumn;
    }

    /**
     * The same stage, also carrying the export's column {@code exportColumn} (trimmed, null values as null) as
     * {@link Columns#LABEL}: a training run's labels. Every file must have that column.
     */
    public IngestStage withLabelColumn(String exportColumn) {
        return new IngestStage(spark, months, exportColumn);
    }

    /** The records of every file of every input, one Dataset with {@link DataContract#INGESTED}. */
    public IngestResult read(List<InputSpec> inputs) {
        Dataset<Row> all = null;
        List<String> files = new ArrayList<>();
        Map<String, CsvStructure.Lines> lines = new LinkedHashMap<>();
        Storage storage = Storage.of(spark);
        for (InputSpec input : inputs) {
            for (Path file : input.files(storage)) {
                String name = Storage.display(file);
                Dataset<Row> rows = readFile(storage, input.profile(), file, lines);
                all = all == null ? rows : all.unionByName(rows);
                files.add(name);
            }
        }
        if (all == null) {
            throw new IllegalArgumentException("no input files: give at least one --input PROFILE=PATH");
        }
        return new IngestResult(all, List.copyOf(files), Map.copyOf(lines));
    }

    private Dataset<Row> readFile(Storage storage, SourceProfile profile, Path file, Map<String, CsvStructure.Lines> lines) {
        List<String> header = CsvHeader.read(storage, file, profile.encoding());
        Set<String> required = requiredColumns(profile);
        if (labelColumn != null) {
            required.add(labelColumn);
        }
        Map<String, Integer> positions = CsvHeader.positions(header, required, file, profile.name());
        CsvStructure structure = new CsvStructure(header.size(), positions.get(profile.columns().id()),
                positions.get(profile.columns().date()), new ComplaintDates(profile.dateFormats()));
        CsvStructure.Scan scan = scan(storage, file, profile, structure, false);
        lines.put(Storage.display(file), scan.lines());
        Dataset<Row> numbered;
        if (scan.damaged()) {
            // Spark's reader would let the open quote run on; the scan's record boundaries recover what follows.
            // A damaged file's records are held on the driver once, as text.
            numbered = numberRecords(readCsv(profile, scan(storage, file, profile, structure, true).records(), header.size()));
        } else {
            numbered = numberRecords(readCsv(profile, file, header.size()));
        }
        return canonicalRows(profile, file, header, positions, numbered, scan.unbalanced());
    }

    private static CsvStructure.Scan scan(Storage storage, Path file, SourceProfile profile, CsvStructure structure,
                                          boolean keepRecords) {
        try (java.io.Reader reader = new java.io.BufferedReader(new java.io.InputStreamReader(storage.open(file),
                java.nio.charset.Charset.forName(profile.encoding()).newDecoder()))) {
            return structure.scan(reader, keepRecords);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("input file " + Storage.display(file) + ": cannot read it as "
                    + profile.encoding() + " CSV: " + e.getMessage(), e);
        }
    }

    private static Set<String> requiredColumns(SourceProfile profile) {
        Set<String> cols = new LinkedHashSet<>(profile.columns().mapped().values());
        profile.filters().forEach(f -> cols.add(f.column()));
        cols.addAll(profile.outcomes().values());
        return cols;
    }

    /** Positional column names (c0, c1, …) sidestep odd headers: blank, duplicated, dotted. */
    private static String positional(int i) {
        return "c" + i;
    }

    private Dataset<Row> readCsv(SourceProfile profile, Path file, int width) {
        return csvReader(profile, width)
                .option("header", "true")
                .option("multiLine", "true")
                .option("encoding", profile.encoding())
                .csv(file.toString());
    }

    /** Records already split by {@link CsvStructure}, one string each, in file order (one partition keeps it). */
    private Dataset<Row> readCsv(SourceProfile profile, List<String> records, int width) {
        Dataset<String> lines = spark.createDataset(records, org.apache.spark.sql.Encoders.STRING()).coalesce(1);
        return csvReader(profile, width).option("header", "false").csv(lines);
    }

    private org.apache.spark.sql.DataFrameReader csvReader(SourceProfile profile, int width) {
        StructType schema = new StructType();
        for (int i = 0; i < width; i++) {
            schema = schema.add(positional(i), DataTypes.StringType);
        }
        schema = schema.add(CORRUPT, DataTypes.StringType);
        return spark.read()
                .schema(schema)
                // RFC 4180: a quote inside a quoted field is doubled, not backslash-escaped.
                .option("quote", "\"")
                .option("escape", "\"")
                .option("mode", "PERMISSIVE")
                .option("columnNameOfCorruptRecord", CORRUPT)
                .option("ignoreLeadingWhiteSpace", "false")
                .option("ignoreTrailingWhiteSpace", "false")
                .option("nullValue", "\u0000never\u0000")
                .option("emptyValue", "");
    }

    /**
     * 1-based record numbers in file order. A multi-line CSV file is one unsplittable partition, so the
     * increasing id follows the file; the window makes the numbering independent of partition ids.
     */
    private static Dataset<Row> numberRecords(Dataset<Row> csv) {
        return csv.withColumn(ROW_ORDER, monotonically_increasing_id())
                .withColumn(Columns.RECORD, row_number().over(Window.orderBy(ROW_ORDER)).cast(DataTypes.LongType))
                .drop(ROW_ORDER);
    }

    private Dataset<Row> canonicalRows(SourceProfile profile, Path file, List<String> header,
                                       Map<String, Integer> positions, Dataset<Row> rows,
                                       List<CsvStructure.UnbalancedQuote> unbalanced) {
        SourceProfile.ColumnMapping m = profile.columns();
        Column id = cell(profile, positions, m.id());
        Column text = cell(profile, positions, m.text());
        Column dateCell = col(positional(positions.get(m.date())));
        UserDefinedFunction parseDate = dateParser(profile.dateFormats());
        Column created = parseDate.apply(dateCell);
        Column month = date_format(created, "yyyy-MM");

        Column unbalancedDetail = unbalancedQuoteDetail(file, unbalanced);
        Column malformed = col(CORRUPT).isNotNull();
        Column reason = when(unbalancedDetail.isNotNull(), lit(RejectReason.UNBALANCED_QUOTE.code()))
                .when(malformed, lit(RejectReason.MALFORMED_RECORD.code()));
        Column disposition = when(unbalancedDetail.isNotNull(), lit(REJECTED)).when(malformed, lit(REJECTED));
        Column detail = when(unbalancedDetail.isNotNull(), unbalancedDetail)
                .when(malformed, lit("expected " + header.size() + " fields as in the header"));
        for (SourceProfile.RowFilter f : profile.filters()) {
            Column excluded = not(coalesce(col(positional(positions.get(f.column()))).isin(f.keep().toArray()), lit(false)));
            reason = reason.when(excluded, lit(f.reason()));
            disposition = disposition.when(excluded, lit(FILTERED));
            detail = detail.when(excluded, concat(lit("'" + f.column() + "' is "),
                    coalesce(col(positional(positions.get(f.column()))), lit("empty")), lit(", kept: " + f.keep())));
        }
        Column noText = text.isNull().or(trim(text).equalTo(""));
        Column tooLong = length(text).gt(profile.maxTextChars());
        boolean filterNoText = profile.missingText() == SourceProfile.MissingText.FILTER;
        reason = reason
                .when(id.isNull(), lit(RejectReason.MISSING_ID.code()))
                .when(noText, lit(filterNoText ? RejectReason.NO_TEXT : RejectReason.EMPTY_TEXT.code()))
                .when(created.isNull(), lit(RejectReason.UNPARSEABLE_DATE.code()))
                .when(tooLong, lit(RejectReason.TEXT_TOO_LONG.code()));
        disposition = disposition
                .when(id.isNull(), lit(REJECTED))
                .when(noText, lit(filterNoText ? FILTERED : REJECTED))
                .when(created.isNull(), lit(REJECTED))
                .when(tooLong, lit(REJECTED));
        detail = detail
                .when(id.isNull(), lit("column '" + m.id() + "' is empty"))
                .when(noText, lit("column '" + m.text() + "' is empty"))
                .when(created.isNull(), concat(lit("'" + m.date() + "' value '"), coalesce(dateCell, lit("")),
                        lit("' matches none of " + profile.dateFormats())))
                .when(tooLong, concat(length(text).cast("string"), lit(" characters; the profile allows " + profile.maxTextChars())));
        if (!months.isEmpty()) {
            Column outside = not(month.isin(months.toArray()));
            reason = reason.when(outside, lit(RejectReason.MONTH_NOT_SELECTED));
            disposition = disposition.when(outside, lit(FILTERED));
            detail = detail.when(outside, concat(lit("month "), month, lit(" not in --months")));
        }
        disposition = disposition.otherwise(lit(ACCEPTED));

        Column[] originals = new Column[header.size()];
        for (int i = 0; i < header.size(); i++) {
            originals[i] = col(positional(i));
        }
        Column raw = substring(coalesce(col(CORRUPT), to_csv(struct(originals))), 1, RAW_RECORD_MAX_CHARS);

        Dataset<Row> canonical = rows.select(
                id.as(Columns.COMPLAINT_ID),
                lit(profile.name()).as(Columns.SOURCE),
                lit(Storage.display(file)).as(Columns.SOURCE_FILE),
                col(Columns.RECORD),
                optionalCell(profile, positions, m.channel()).as(Columns.CHANNEL),
                optionalCell(profile, positions, m.product()).as(Columns.PRODUCT),
                optionalCell(profile, positions, m.region()).as(Columns.REGION),
                optionalCell(profile, positions, m.score()).cast(DataTypes.DoubleType).as(Columns.SCORE),
                lit(profile.scoreScale()).cast(DataTypes.StringType).as(Columns.SCORE_SCALE),
                outcomes(profile, positions).as(Columns.OUTCOMES),
                created.as(Columns.CREATED_DATE),
                month.as(Columns.MONTH),
                text.as(Columns.TEXT),
                disposition.as(Columns.DISPOSITION),
                reason.as(Columns.REASON),
                detail.as(Columns.DETAIL),
                raw.as(Columns.RAW_RECORD),
                (labelColumn == null ? lit(null).cast(DataTypes.StringType) : cell(profile, positions, labelColumn))
                        .as(Columns.LABEL));
        return labelColumn == null ? canonical.drop(Columns.LABEL) : canonical;
    }

    /** The detail of a record whose quote never closed, by record number; null for every other record. */
    private static Column unbalancedQuoteDetail(Path file, List<CsvStructure.UnbalancedQuote> unbalanced) {
        if (unbalanced.isEmpty()) {
            return lit(null).cast(DataTypes.StringType);
        }
        Column records = array(unbalanced.stream().map(u -> lit(u.record())).toArray(Column[]::new));
        Column details = array(unbalanced.stream().map(u -> lit(u.detail(Storage.display(file)))).toArray(Column[]::new));
        return element_at(map_from_arrays(records, details), col(Columns.RECORD));
    }

    /** A mapped cell, trimmed, with the profile's null values turned into null. */
    private static Column cell(SourceProfile profile, Map<String, Integer> positions, String column) {
        Column c = trim(col(positional(positions.get(column))));
        return when(c.isin(profile.nullValues().toArray()), lit(null).cast(DataTypes.StringType)).otherwise(c);
    }

    /** The profile's outcomes as a map column (empty when it declares none). */
    private static Column outcomes(SourceProfile profile, Map<String, Integer> positions) {
        List<Column> pairs = new java.util.ArrayList<>();
        profile.outcomes().forEach((name, column) -> pairs.add(
                struct(lit(name).as(Columns.OUTCOME_NAME), cell(profile, positions, column).as(Columns.OUTCOME_VALUE))));
        return org.apache.spark.sql.functions.array(pairs.toArray(Column[]::new)).cast(DataContract.OUTCOMES);
    }

    private static Column optionalCell(SourceProfile profile, Map<String, Integer> positions, String column) {
        return column == null ? lit(null).cast(DataTypes.StringType) : cell(profile, positions, column);
    }

    private static UserDefinedFunction dateParser(List<String> formats) {
        ComplaintDates dates = new ComplaintDates(formats);
        return udf((UDF1<String, java.sql.Date>) s -> {
            LocalDate d = dates.parse(s);
            return d == null ? null : java.sql.Date.valueOf(d);
        }, DataTypes.DateType);
    }
}
