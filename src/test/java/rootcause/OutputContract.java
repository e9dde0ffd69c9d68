package rootcause;

import rootcause.io.OutputLayout;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import rootcause.clean.PiiRedactor;
import rootcause.model.Columns;

import java.io.IOException;
import rootcause.model.DataContract;
import org.apache.spark.sql.types.StructType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;

/**
 * Checks an output folder against the output contract in the README and returns every violation found
 * (an empty list means the folder is valid). Used by the end-to-end and real-data tests.
 */
public final class OutputContract {
    private static final PiiRedactor PII = new PiiRedactor();

    private OutputContract() {}

    /**
     * Values seeded in data-samples/ (data-samples/README.md): the agent's name "Maria" of survey S-70003 and the PII
     * of four records. None may appear in any output of a run on the samples.
     */
    public static final List<String> SEEDED_IN_DATA_SAMPLES = List.of("Maria", "dana.whitfield@example.com",
            "(555) 014-2297", "4111 1111 1111 1111", "555-301-7788", "+1 555 014 8821", "r.okafor@example.net");

    public static List<String> violations(Path out, SparkSession spark) throws IOException {
        List<String> problems = new ArrayList<>();
        Path manifestFile = out.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            problems.add("no manifest.json in " + out);
            return problems;
        }
        JsonNode manifest = new ObjectMapper().readTree(manifestFile.toFile());
        long read = manifest.get("rows_read").asLong();
        long accepted = manifest.get("rows_accepted").asLong();
        long rejected = manifest.get("rows_rejected").asLong();
        long filtered = manifest.get("rows_filtered").asLong();
        if (read != accepted + rejected + filtered) {
            problems.add("manifest does not reconcile: " + read + " != " + accepted + " + " + rejected + " + " + filtered);
        }
        for (JsonNode f : manifest.get("files")) {
            if (f.get("rows_read").asLong() != f.get("rows_accepted").asLong() + f.get("rows_rejected").asLong()
                    + f.get("rows_filtered").asLong()) {
                problems.add("file " + f.get("file").asText() + " does not reconcile");
            }
        }

        List<String> months = new ArrayList<>();
        manifest.get("months_written").forEach(m -> months.add(m.asText()));
        for (String m : months) {
            if (!Files.isDirectory(out.resolve("complaints/month=" + m))) {
                problems.add("month " + m + " in the manifest has no complaints/month=" + m + "/ partition");
            }
        }
        // Through the job's own reader: a Delta table's folder also holds the files of months it replaced.
        rootcause.job.tables.MonthTables tables = rootcause.job.tables.MonthTables.open(spark, rootcause.io.Storage.path(out.toString()));
        Dataset<Row> complaints = tables.read(OutputLayout.COMPLAINTS, tables.months(OutputLayout.COMPLAINTS));
        Dataset<Row> ofThisRun = complaints.filter(col(Columns.MONTH).isin(months.toArray()));
        long rows = ofThisRun.count();
        if (rows != accepted) {
            problems.add("complaints/ holds " + rows + " rows for the run's months; the manifest says " + accepted + " accepted");
        }
        long distinctIds = ofThisRun.select(Columns.SOURCE, Columns.SOURCE_FILE, Columns.RECORD).distinct().count();
        if (distinctIds != rows) {
            problems.add("complaints/ holds " + (rows - distinctIds) + " rows twice");
        }
        Dataset<Row> rejects = spark.read().parquet(out.resolve("rejects").toString());
        if (rejects.count() != rejected + filtered) {
            problems.add("rejects/ holds " + rejects.count() + " rows; the manifest says " + rejected + " rejected + " + filtered + " filtered");
        }
        if (rejects.filter(col(Columns.REASON).isNull()).count() > 0) {
            problems.add("rejects/ has rows without a reason");
        }
        checkSchema(problems, "rejects", rejects.schema(), DataContract.REJECT);
        problems.addAll(schemaViolations(out, spark, complaints));
        problems.addAll(piiIn("complaints", complaints));
        problems.addAll(piiIn("rejects", rejects));
        problems.addAll(piiInTextFiles(out));
        return problems;
    }

    /**
     * The written datasets against the data contract ({@link DataContract}): the nlp and classify columns of
     * {@code complaints/}, {@code candidates/} and the caches, by name and type in order (Parquet reads every field
     * back as nullable, so nullability is not compared).
     */
    static List<String> schemaViolations(Path out, SparkSession spark, Dataset<Row> complaints) {
        List<String> problems = new ArrayList<>();
        List<String> writtenColumns = java.util.Arrays.asList(complaints.schema().fieldNames());
        for (StructField f : DataContract.COMPLAINT.add(DataContract.DUPLICATES.apply(Columns.DUPLICATE_OF))
                .add(DataContract.DUPLICATES.apply(Columns.IS_DUPLICATE)).fields()) {
            checkField(problems, "complaints", complaints.schema(), f);
        }
        for (StructType contract : List.of(DataContract.NLP.type(), DataContract.CLASSIFIED)) {
            if (Stream.of(contract.fieldNames()).noneMatch(writtenColumns::contains)) {
                continue; // a run stopped before that stage (--stop-after) writes none of its columns
            }
            for (StructField f : contract.fields()) {
                checkField(problems, "complaints", complaints.schema(), f);
            }
        }
        rootcause.job.tables.MonthTables tables = rootcause.job.tables.MonthTables.open(spark, rootcause.io.Storage.path(out.toString()));
        var candidateMonths = tables.months(OutputLayout.CANDIDATES);
        if (!candidateMonths.isEmpty()) { // a run without an unclassified negative complaint writes none
            checkSchema(problems, "candidates", partitionColumnLast(tables.read(OutputLayout.CANDIDATES, candidateMonths).schema()),
                    partitionColumnLast(DataContract.CANDIDATE));
        }
        for (var cache : java.util.Map.of(OutputLayout.NLP_CACHE, DataContract.NLP_CACHE,
                OutputLayout.EMBEDDING_CACHE, DataContract.EMBEDDING_CACHE, OutputLayout.NAME_CACHE, DataContract.NAME_CACHE).entrySet()) {
            try (var fingerprints = Files.list(out.resolve(cache.getKey()))) {
                for (Path folder : fingerprints.filter(OutputContract::holdsParquet).toList()) {
                    checkSchema(problems, cache.getKey(), spark.read().parquet(folder.toString()).schema(), cache.getValue());
                }
            } catch (IOException e) {
                // no cache written (the run had none)
            }
        }
        return problems;
    }

    private static boolean holdsParquet(Path folder) {
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The struct with its {@code month} field last: a Parquet month folder is read back with its partition column at
     * the end, a Delta or Iceberg table in its written place; both hold the contract.
     */
    private static StructType partitionColumnLast(StructType struct) {
        List<StructField> fields = new ArrayList<>();
        StructField month = null;
        for (StructField f : struct.fields()) {
            if (f.name().equals(Columns.MONTH)) month = f;
            else fields.add(f);
        }
        if (month != null) fields.add(month);
        return new StructType(fields.toArray(StructField[]::new));
    }

    /** One contract field against the written schema, by name and type (Parquet puts the partition column last). */
    private static void checkField(List<String> problems, String name, StructType written, StructField f) {
        String type = java.util.Arrays.asList(written.fieldNames()).contains(f.name())
                ? written.apply(f.name()).dataType().catalogString() : "nothing";
        if (!type.equals(f.dataType().catalogString())) {
            problems.add(name + "." + f.name() + " is " + type + ", the contract says " + f.dataType().catalogString());
        }
    }

    private static void checkSchema(List<String> problems, String name, StructType written, StructType contract) {
        if (!written.catalogString().equals(contract.catalogString())) {
            problems.add(name + " is " + written.catalogString() + ", the contract says " + contract.catalogString());
        }
    }

    /**
     * Without the job's own file digests, such as the taxonomy version's "(sha256 6a3a77513672)": a hash's digit runs
     * read as an account or phone number, and the digest of an edited taxonomy changes with every edit.
     */
    private static String withoutDigests(String text) {
        return text.replaceAll("\\(sha256 [0-9a-f]{12}\\)", "(sha256)");
    }

    /** Every string column, and every string inside nested arrays/structs via its JSON form. */
    private static List<String> piiIn(String name, Dataset<Row> data) {
        List<String> problems = new ArrayList<>();
        for (StructField f : data.schema().fields()) {
            Dataset<String> values = f.dataType().equals(DataTypes.StringType)
                    ? data.select(col(f.name())).na().drop().as(org.apache.spark.sql.Encoders.STRING())
                    : data.select(org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.struct(col(f.name()))))
                    .as(org.apache.spark.sql.Encoders.STRING());
            if (f.name().equals(Columns.MONTH) || f.dataType().equals(DataTypes.DateType)
                    || f.dataType().equals(DataTypes.LongType) || f.dataType().equals(DataTypes.DoubleType)
                    || f.name().equals(Columns.COMPLAINT_ID) || f.name().equals(Columns.DUPLICATE_OF)
                    || f.name().equals(Columns.SOURCE_FILE)) {
                continue; // ids, paths and numbers are not free text
            }
            List<String> hits = values.filter((org.apache.spark.api.java.function.FilterFunction<String>)
                            v -> PII.containsPii(withoutDigests(v)))
                    .limit(3).collectAsList();
            if (!hits.isEmpty()) {
                problems.add(name + "." + f.name() + " contains PII, e.g. " + hits);
            }
        }
        return problems;
    }

    /**
     * Every seeded value (a name, an e-mail address, a phone number: written into the test's input by the test) found
     * anywhere under {@code out}, as "where: value": Parquet datasets read back (every column, nested ones as JSON),
     * PDFs as their text, every other file as UTF-8 text. Independent of the redactors: it knows only the values.
     * Names are matched as whole words in any case, other values as written.
     */
    public static List<String> seededValuesFound(Path out, SparkSession spark, java.util.Collection<String> values)
            throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> datasets = new ArrayList<>();
        try (Stream<Path> top = Files.list(out)) {
            for (Path dir : top.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(dir)) {
                    if (files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"))) datasets.add(dir);
                }
            }
        }
        for (Path dir : datasets) {
            // recursive: the nlp cache keeps its files one folder down (OUT/nlp-cache/<fingerprint>/), not in month=
            // partitions; the values searched for do not need the partition columns.
            String text = String.join("\n", spark.read().option("recursiveFileLookup", "true").parquet(dir.toString())
                    .select(org.apache.spark.sql.functions.to_json(org.apache.spark.sql.functions.struct(col("*"))))
                    .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
            addFound(found, out.relativize(dir) + "/ (Parquet)", text, values);
        }
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (datasets.stream().anyMatch(p::startsWith)) continue;
                String text;
                if (p.getFileName().toString().endsWith(".pdf")) {
                    try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(p.toFile())) {
                        text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                    }
                } else {
                    text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                }
                addFound(found, out.relativize(p).toString(), text, values);
            }
        }
        return found;
    }

    private static void addFound(List<String> found, String where, String text, java.util.Collection<String> values) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String v : values) {
            boolean word = v.chars().allMatch(Character::isLetter);
            boolean hit = word
                    ? java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(v.toLowerCase(java.util.Locale.ROOT))
                    + "(?![\\p{L}\\p{N}])").matcher(lower).find()
                    : text.contains(v);
            if (hit) found.add(where + ": " + v);
        }
    }

    /** A file in the metadata folder of a month dataset's Iceberg table ({@code OUT/complaints/metadata/…}). */
    private static boolean icebergMetadata(Path out, Path file) {
        Path relative = out.relativize(file);
        return relative.getNameCount() > 2 && OutputLayout.MONTH_DATASETS.contains(relative.getName(0).toString())
                && relative.getName(1).toString().equals("metadata");
    }

    /** Text files a complaint's text can reach; the manifests (run and reclassify) hold counts, hashes and ids only. */
    private static List<String> piiInTextFiles(Path out) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            // A Delta table's log is its file list: paths, sizes, times and per-file column minimums and maximums
            // (complaint ids among them), values the table reads above check as columns.
            // An Iceberg table's metadata folder likewise: versions' schemas, snapshot summaries and file lists.
            for (Path p : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/_delta_log/"))
                    .filter(f -> !icebergMetadata(out, f)).toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".csv") || name.endsWith(".html") || (name.endsWith(".json") && !name.startsWith("manifest"))) {
                    // Embedded chart images are base64, where digit runs are noise, not account numbers.
                    String text = withoutDigests(Files.readString(p, StandardCharsets.UTF_8)
                            .replaceAll("data:image/[a-z]+;base64,[A-Za-z0-9+/=]+", ""));
                    if (PII.containsPii(text)) {
                        problems.add(out.relativize(p) + " contains PII");
                    }
                }
            }
        }
        return problems;
    }
}
