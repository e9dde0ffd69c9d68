package rootcause.nlp;

import rootcause.model.DataContract;
import rootcause.io.OutputLayout;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.SparkTestSession;
import rootcause.model.Columns;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The nlp stage with a real cache folder: a second run over overlapping texts analyses only the new one. */
@Tag("corenlp")
class NlpCacheTest {
    private static final StructType IN = new StructType()
            .add(Columns.COMPLAINT_ID, DataTypes.StringType)
            .add(Columns.TEXT, DataTypes.StringType);
    private static final String RUDE = "The agent was rude to me. I waited three weeks for a refund.";
    private static final String LATE = "My card arrived late.";
    private static final String NEW = "Nobody called me back.";
    // Parser-free: lemmas and sentences only, so the test loads the tagger alone.
    private static final NlpSettings SETTINGS = NlpSettings.defaults().withoutParser();

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void aSecondRunAnalysesOnlyTextsItHasNotSeenAndGivesTheSameAnalyses(@TempDir Path tmp) {
        NlpCache cache = new NlpCache(tmp.resolve(OutputLayout.NLP_CACHE).toString(), "f".repeat(64));
        Dataset<Row> first = spark.createDataFrame(List.of(RowFactory.create("c1", RUDE), RowFactory.create("c2", RUDE),
                RowFactory.create("c3", LATE), RowFactory.create("c4", null)), IN);
        NlpStage stage = NlpStage.coreNlpOnly(SETTINGS);
        Map<String, Row> firstOut = byId(stage.apply(first, cache));
        assertThat(stage.distinctTexts()).isEqualTo(3);
        assertThat(stage.cacheHits()).isZero();
        assertThat(stage.textsAnalysed()).isEqualTo(3);
        stage.persisted().forEach(Dataset::unpersist);

        Dataset<Row> stored = spark.read().parquet(cache.location());
        assertThat(stored.columns()).as("the key and the analysis, not the complaint's text")
                .containsExactly(DataContract.NLP_CACHE.fieldNames()).doesNotContain(Columns.TEXT);
        assertThat(stored.select(DataContract.NLP_CACHE_KEY).as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .as("Spark's key is NlpCacheKey's").containsExactlyInAnyOrder(NlpCacheKey.key(cache.fingerprint(), RUDE),
                        NlpCacheKey.key(cache.fingerprint(), LATE), NlpCacheKey.key(cache.fingerprint(), ""));

        Dataset<Row> second = spark.createDataFrame(List.of(RowFactory.create("c1", RUDE), RowFactory.create("c3", LATE),
                RowFactory.create("c5", NEW), RowFactory.create("c6", RUDE)), IN);
        NlpStage again = NlpStage.coreNlpOnly(SETTINGS);
        Map<String, Row> secondOut = byId(again.apply(second, cache));
        assertThat(again.distinctTexts()).isEqualTo(3);
        assertThat(again.cacheHits()).isEqualTo(2);
        assertThat(again.textsAnalysed()).as("only the new text").isEqualTo(1);
        again.persisted().forEach(Dataset::unpersist);

        assertThat(secondOut).hasSize(4);
        assertThat(DataContract.NLP.decode(secondOut.get("c1"))).isEqualTo(DataContract.NLP.decode(firstOut.get("c1")));
        assertThat(DataContract.NLP.decode(secondOut.get("c6"))).isEqualTo(DataContract.NLP.decode(firstOut.get("c1")));
        assertThat(DataContract.NLP.decode(secondOut.get("c3"))).isEqualTo(DataContract.NLP.decode(firstOut.get("c3")));
        assertThat(DataContract.NLP.decode(secondOut.get("c5")))
                .isEqualTo(SentimentAnalyzer.shared(SETTINGS).analyze(NEW));
        assertThat(spark.read().parquet(cache.location()).count()).as("the new analysis appended").isEqualTo(4);

        NlpStage allStored = NlpStage.coreNlpOnly(SETTINGS);
        Map<String, Row> thirdOut = byId(allStored.apply(second, cache));
        assertThat(allStored.cacheHits()).isEqualTo(3);
        assertThat(allStored.textsAnalysed()).isZero();
        assertThat(allStored.persisted()).as("nothing analysed, nothing persisted").isEmpty();
        assertThat(DataContract.NLP.decode(thirdOut.get("c5"))).isEqualTo(DataContract.NLP.decode(secondOut.get("c5")));
        assertThat(spark.read().parquet(cache.location()).count()).as("nothing appended").isEqualTo(4);

        NlpStage otherSettings = NlpStage.coreNlpOnly(SETTINGS);
        otherSettings.apply(second, new NlpCache(tmp.resolve(OutputLayout.NLP_CACHE).toString(), "e".repeat(64)));
        assertThat(otherSettings.cacheHits()).as("another fingerprint finds nothing").isZero();
        otherSettings.persisted().forEach(Dataset::unpersist);
    }

    private static Map<String, Row> byId(Dataset<Row> out) {
        return out.collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
    }
}
