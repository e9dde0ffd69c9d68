package rootcause.clean;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.SparkTestSession;
import rootcause.model.Columns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

/** The clean stage with a real name cache and the real name models: a re-run reads no text twice, and holds no name. */
class NameCacheTest {
    private static final StructType IN = CleanStageTest.INPUT;
    private static final StructType REJECTS = new StructType()
            .add(Columns.RECORD, DataTypes.LongType)
            .add(Columns.RAW_RECORD, DataTypes.StringType)
            .add(Columns.DETAIL, DataTypes.StringType);
    private static final String HUNG_UP = "My name is Margaret Thompson and the agent hung up on me twice.";
    private static final String CALL = "Please ask Jonathan Whitaker to call me back, email jo@example.com";
    private static final String NO_NAME = "The app crashed twice during checkout.";
    private static final String CHANGED = "Margaret Thompson here again: the refund never arrived.";
    private static final List<String> NAMES = List.of("Margaret", "Thompson", "Jonathan", "Whitaker");

    private final SparkSession spark = SparkTestSession.get();

    private Dataset<Row> complaints(String... texts) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            rows.add(RowFactory.create("c" + i, "survey", "f.csv", (long) i, Date.valueOf("2025-10-01"), "2025-10", texts[i]));
        }
        return spark.createDataFrame(rows, IN);
    }

    @Test
    void aSecondRunFindsNoNamesAgainAndRedactsByteForByteTheSame(@TempDir Path tmp) throws IOException {
        NameCache cache = new NameCache(tmp.resolve(rootcause.io.OutputLayout.NAME_CACHE).toString(), "f".repeat(64));
        Dataset<Row> in = complaints(HUNG_UP, CALL, HUNG_UP, NO_NAME, null);

        CleanStage first = new CleanStage(cache);
        Map<String, String> firstOut = texts(first.clean(in));
        assertThat(first.nameTextsLookedUp()).as("three distinct non-null texts").isEqualTo(3);
        assertThat(first.nameTextsAnalysed()).isEqualTo(3);
        assertThat(firstOut.get("c0")).contains(NameRedactor.NAME).doesNotContain("Margaret").doesNotContain("Thompson");
        assertThat(firstOut.get("c1")).contains(NameRedactor.NAME).contains("[email]").doesNotContain("Whitaker");
        assertThat(firstOut.get("c3")).isEqualTo(NO_NAME);
        assertThat(firstOut.get("c4")).isNull();
        assertThat(firstOut).as("the same text as the name models give without a cache").isEqualTo(texts(new CleanStage().clean(in)));
        first.persisted().forEach(Dataset::unpersist);

        Dataset<Row> stored = spark.read().parquet(cache.location());
        assertThat(stored.columns()).as("the key and the spans, no text").containsExactly(NameCache.KEY, NameCache.NAMES);
        PiiRedactor pii = new PiiRedactor();
        TextNormalizer normalizer = new TextNormalizer();
        assertThat(stored.select(NameCache.KEY).as(Encoders.STRING()).collectAsList())
                .as("Spark's key is NameCache.key of the text the models read")
                .containsExactlyInAnyOrder(Stream.of(HUNG_UP, CALL, NO_NAME)
                        .map(t -> NameCache.key(pii.redact(normalizer.normalize(t)))).toArray(String[]::new));
        assertHoldsNoName(tmp.resolve(rootcause.io.OutputLayout.NAME_CACHE), stored);

        CleanStage second = new CleanStage(cache);
        Map<String, String> secondOut = texts(second.clean(in));
        assertThat(second.nameTextsLookedUp()).isEqualTo(3);
        assertThat(second.nameTextsAnalysed()).as("every text from the cache").isZero();
        assertThat(second.persisted()).as("nothing analysed, nothing persisted").isEmpty();
        assertThat(secondOut).hasSize(5);
        secondOut.forEach((id, text) -> assertThat(text == null ? null : text.getBytes(StandardCharsets.UTF_8))
                .as(id).isEqualTo(firstOut.get(id) == null ? null : firstOut.get(id).getBytes(StandardCharsets.UTF_8)));
        assertThat(spark.read().parquet(cache.location()).count()).as("nothing appended").isEqualTo(3);

        CleanStage changed = new CleanStage(cache);
        Map<String, String> changedOut = texts(changed.clean(complaints(HUNG_UP, CHANGED, NO_NAME)));
        assertThat(changed.nameTextsAnalysed()).as("only the changed text").isEqualTo(1);
        assertThat(changed.nameTextsLookedUp()).isEqualTo(3);
        assertThat(changedOut.get("c1")).startsWith(NameRedactor.NAME).doesNotContain("Margaret");
        changed.persisted().forEach(Dataset::unpersist);
        assertHoldsNoName(tmp.resolve(rootcause.io.OutputLayout.NAME_CACHE), spark.read().parquet(cache.location()));

        CleanStage otherModels = new CleanStage(new NameCache(tmp.resolve(rootcause.io.OutputLayout.NAME_CACHE).toString(), "e".repeat(64)));
        otherModels.clean(in).count();
        assertThat(otherModels.nameTextsAnalysed()).as("another fingerprint finds nothing").isEqualTo(3);
        otherModels.persisted().forEach(Dataset::unpersist);
    }

    @Test
    void rejectedRecordsTakeTheirNamesFromTheCacheOnTheSecondRun(@TempDir Path tmp) throws IOException {
        NameCache cache = new NameCache(tmp.resolve(rootcause.io.OutputLayout.NAME_CACHE).toString(), "f".repeat(64));
        Dataset<Row> rejects = spark.createDataFrame(List.of(
                RowFactory.create(1L, "17,2025-13-45,\"My name is Jonathan Whitaker and nobody called back.\"",
                        "no date in: Please ask Jonathan Whitaker to call me back."),
                RowFactory.create(2L, "18,,no text", null)), REJECTS);

        CleanStage first = new CleanStage(cache);
        List<Row> firstOut = first.redactRejects(rejects).orderBy(Columns.RECORD).collectAsList();
        assertThat(first.nameTextsAnalysed()).as("two raw records, one detail").isEqualTo(3);
        assertThat(firstOut.get(0).<String>getAs(Columns.RAW_RECORD)).contains(NameRedactor.NAME).doesNotContain("Whitaker");
        assertThat(firstOut.get(0).<String>getAs(Columns.DETAIL)).contains(NameRedactor.NAME).doesNotContain("Whitaker");
        assertThat(firstOut).as("as without a cache").isEqualTo(new CleanStage().redactRejects(rejects).orderBy(Columns.RECORD).collectAsList());
        first.persisted().forEach(Dataset::unpersist);
        assertHoldsNoName(tmp.resolve(rootcause.io.OutputLayout.NAME_CACHE), spark.read().parquet(cache.location()));

        CleanStage second = new CleanStage(cache);
        List<Row> secondOut = second.redactRejects(rejects).orderBy(Columns.RECORD).collectAsList();
        assertThat(second.nameTextsLookedUp()).isEqualTo(3);
        assertThat(second.nameTextsAnalysed()).isZero();
        assertThat(secondOut).isEqualTo(firstOut);
    }

    @Test
    void theFingerprintFollowsTheModelFilesTheSettingsAndCoreNlp() {
        Map<String, String> models = Map.of(NameRedactor.MODEL, "a".repeat(64), NameRedactor.CASELESS_MODEL, "b".repeat(64));
        Map<String, String> libraries = Map.of("corenlp", "4.5.10", "corenlp_models", "4.5.10");
        String f = NameCache.fingerprint(new NameRedactor(), models, libraries);
        assertThat(NameCache.fingerprint(new NameRedactor(), Map.of(NameRedactor.CASELESS_MODEL, "b".repeat(64),
                NameRedactor.MODEL, "a".repeat(64)), libraries)).as("order does not matter").isEqualTo(f);
        assertThat(NameCache.fingerprint(new NameRedactor(), Map.of(NameRedactor.MODEL, "c".repeat(64),
                NameRedactor.CASELESS_MODEL, "b".repeat(64)), libraries)).as("another model file").isNotEqualTo(f);
        assertThat(NameCache.fingerprint(new NameRedactor(false), models, libraries)).as("other settings").isNotEqualTo(f);
        assertThat(NameCache.fingerprint(new NameRedactor(), models, Map.of("corenlp", "4.5.9", "corenlp_models", "4.5.10")))
                .as("another CoreNLP").isNotEqualTo(f);
    }

    /** No name in any value of the cache, nor in the bytes of any file under its folder. */
    private static void assertHoldsNoName(Path folder, Dataset<Row> stored) throws IOException {
        List<String> rows = stored.select(to_json(struct(col("*")))).as(Encoders.STRING()).collectAsList();
        assertThat(rows).isNotEmpty();
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).anyMatch(p -> p.toString().endsWith(".parquet"));
            for (String name : NAMES) {
                assertThat(rows).noneMatch(r -> r.contains(name));
                for (Path p : all) {
                    assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).as(p.toString()).doesNotContain(name);
                }
            }
        }
    }

    /** Complaint id → redacted text; a null text stays null. */
    private static Map<String, String> texts(Dataset<Row> out) {
        Map<String, String> byId = new java.util.HashMap<>();
        out.collectAsList().forEach(r -> byId.put(r.getAs(Columns.COMPLAINT_ID), r.getAs(Columns.TEXT)));
        return byId;
    }
}
