package rootcause.nlp;

import rootcause.model.DataContract;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rootcause.SparkTestSession;
import rootcause.model.Columns;
import rootcause.model.DocumentAnalysis;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("corenlp")
class NlpStageTest {
    private static final StructType INGESTED = new StructType()
            .add(Columns.COMPLAINT_ID, DataTypes.StringType)
            .add(Columns.SOURCE, DataTypes.StringType)
            .add(Columns.MONTH, DataTypes.StringType)
            .add(Columns.TEXT, DataTypes.StringType)
            .add(Columns.IS_DUPLICATE, DataTypes.BooleanType)
            .add(Columns.DUPLICATE_OF, DataTypes.StringType);

    private static final String RUDE = "The agent was rude to me. I waited three weeks for a refund.";
    private static final String THANKS = "Thanks, the new card arrived quickly.";

    private final SparkSession spark = SparkTestSession.get();

    @Test
    void addsNlpColumnsAndAnalysesIdenticalTextsOnce() {
        Dataset<Row> in = spark.createDataFrame(List.of(
                RowFactory.create("c1", "cfpb", "2020-01", RUDE, false, null),
                RowFactory.create("c2", "cfpb", "2020-01", RUDE, true, "c1"),
                RowFactory.create("c3", "twcs", "2020-02", THANKS, false, null),
                RowFactory.create("c4", "twcs", "2020-02", null, false, null)), INGESTED);
        NlpStage stage = new NlpStage(NlpSettings.defaults());

        Dataset<Row> out = stage.apply(in);

        assertThat(out.columns()).containsExactly(concat(INGESTED.fieldNames(), DataContract.NLP.type().fieldNames()));
        assertThat(out.schema().apply(Columns.SENTENCES).dataType()).isEqualTo(DataContract.NLP.type().apply(Columns.SENTENCES).dataType());
        assertThat(stage.distinctTexts()).isEqualTo(3);
        assertThat(stage.textsAnalysed()).as("three distinct texts (one empty), each analysed once").isEqualTo(3);

        Map<String, Row> byId = out.collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(r.fieldIndex(Columns.COMPLAINT_ID)), Function.identity()));
        assertThat(byId).hasSize(4);
        DocumentAnalysis expected = stage.sentimentModel().model()
                .apply(SentimentAnalyzer.shared(NlpSettings.defaults()).analyze(RUDE));
        assertThat(DataContract.NLP.decode(byId.get("c1"))).isEqualTo(expected);
        assertThat(DataContract.NLP.decode(byId.get("c2"))).isEqualTo(expected);
        assertThat(DataContract.sentencesOf(byId.get("c1"))).hasSize(2);
        assertThat(byId.get("c2").getString(byId.get("c2").fieldIndex(Columns.DUPLICATE_OF))).isEqualTo("c1");
        assertThat(DataContract.sentencesOf(byId.get("c3")).get(0).lemmas()).contains("card", "arrive");
        assertThat(DataContract.sentencesOf(byId.get("c4"))).isEmpty();
        assertThat(byId.get("c4").getString(byId.get("c4").fieldIndex(Columns.SENTIMENT_LABEL))).isEqualTo("neutral");
        assertThat(byId.get("c4").isNullAt(byId.get("c4").fieldIndex(Columns.TEXT))).isTrue();
    }

    @Test
    void missingTextColumnIsNamedWithTheColumnsPresent() {
        Dataset<Row> in = spark.createDataFrame(List.of(RowFactory.create("c1", "x")),
                new StructType().add(Columns.COMPLAINT_ID, DataTypes.StringType).add("body", DataTypes.StringType));
        assertThatThrownBy(() -> new NlpStage(NlpSettings.defaults()).apply(in))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stage 'nlp': input is missing column(s) [text]; columns present: [complaint_id, body]");
    }

    @Test
    void givesItsOwnSectionOfTheManifestWithTheSettingsAndModelsItRanWith() {
        NlpStage stage = new NlpStage(NlpSettings.defaults().withoutParser());
        Map<String, Object> section = stage.manifestSection(new NlpCache("/tmp/out/nlp-cache", "f1"),
                Map.of("tagger", "abc"));

        assertThat(section.keySet()).containsExactly("texts_looked_up", "cache_hits", "texts_analysed", "cache",
                "corenlp_pipelines_created", "parser_model", "max_sentence_tokens", "model_files_sha256",
                "sentiment_model", "sentiment_model_sha256", "sentiment_model_trained_on", "sentiment_model_features");
        assertThat(section.get("texts_looked_up")).isEqualTo(0L);
        assertThat(section.get("parser_model")).isEqualTo("none (parser-free sentiment model)");
        assertThat(section.get("max_sentence_tokens")).isEqualTo(NlpSettings.DEFAULT_MAX_SENTENCE_TOKENS);
        assertThat(section.get("model_files_sha256")).isEqualTo(Map.of("tagger", "abc"));
        assertThat(section.get("sentiment_model_sha256")).isEqualTo(stage.sentimentModel().sha256());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
