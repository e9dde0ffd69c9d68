package rootcause.model;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each struct of the data contract: its field order and types as the README promises them, and its codec's round trip. */
class DataContractTest {
    /** The nlp columns as the README's output contract promises them, written out by hand. */
    static final String CONTRACT = "struct<sentences:array<struct<index:int,text:string,sentiment:int,"
            + "sentiment_probabilities:array<double>,polarity:double,token_begin:int,token_end:int,lemmas:array<string>>>,"
            + "sentiment_score:double,sentiment_label:string,most_negative_sentence:string,sentences_too_long:int>";

    private final DocumentAnalysis analysis = new DocumentAnalysis(List.of(
            new SentenceAnalysis(0, "They lied.", 0, List.of(0.7, 0.2, 0.05, 0.03, 0.02), -0.9, 0, 3,
                    List.of("they", "lie", ".")),
            new SentenceAnalysis(1, "Long one", SentenceAnalysis.UNKNOWN, 3, 95, List.of("long", "one"))),
            -1.0, "very negative", "They lied.", 1);

    @Test
    void rowHasTheContractsColumnsAndTypes() {
        Row row = DataContract.NLP.encode(analysis);
        assertThat(row.schema().simpleString()).isEqualTo(CONTRACT);
        ArrayType sentences = (ArrayType) row.schema().apply("sentences").dataType();
        assertThat(sentences.containsNull()).as("a null sentence in the array").isFalse();
        assertThat(Arrays.stream(((StructType) sentences.elementType()).fields()).filter(f -> !f.nullable())
                .map(StructField::name)).as("sentence fields that are never null")
                .containsExactly("index", "sentiment", "polarity", "token_begin", "token_end");
    }

    @Test
    void valuesSitUnderTheContractsNames() {
        Row row = DataContract.NLP.encode(analysis);
        assertThat(row.<Double>getAs("sentiment_score")).isEqualTo(-1.0);
        assertThat(row.<String>getAs("sentiment_label")).isEqualTo("very negative");
        assertThat(row.<String>getAs("most_negative_sentence")).isEqualTo("They lied.");
        assertThat(row.<Integer>getAs("sentences_too_long")).isEqualTo(1);
        List<Row> sentences = row.getList(row.fieldIndex("sentences"));
        Row first = sentences.get(0);
        assertThat(first.<Integer>getAs("index")).isZero();
        assertThat(first.<String>getAs("text")).isEqualTo("They lied.");
        assertThat(first.<Integer>getAs("sentiment")).isZero();
        assertThat(first.getList(first.fieldIndex("sentiment_probabilities"))).containsExactly(0.7, 0.2, 0.05, 0.03, 0.02);
        assertThat(first.<Double>getAs("polarity")).isEqualTo(-0.9);
        assertThat(first.<Integer>getAs("token_begin")).isZero();
        assertThat(first.<Integer>getAs("token_end")).isEqualTo(3);
        assertThat(first.getList(first.fieldIndex("lemmas"))).containsExactly("they", "lie", ".");
        assertThat(sentences.get(1).<Integer>getAs("sentiment")).isEqualTo(-1);
    }

    @Test
    void analysisSurvivesTheRoundTripThroughARow() {
        Row row = DataContract.NLP.encode(analysis);
        assertThat(DataContract.NLP.decode(row)).isEqualTo(analysis);
        assertThat(DataContract.sentencesOf(row)).isEqualTo(analysis.sentences());
    }

    @Test
    void emptyAnalysisHasNoSentencesAndNullMostNegative() {
        DocumentAnalysis empty = new DocumentAnalysis(List.of(), 0.0, "neutral", null, 0);
        assertThat(DataContract.NLP.decode(DataContract.NLP.encode(empty))).isEqualTo(empty);
    }

    private final CauseMatch byPatternAndModel = new CauseMatch("long_wait", "process", -0.5, List.of(
            Evidence.ofPattern("on hold", "on hold", 0, "They lied.", 0, -0.9),
            new Evidence("I waited for an hour", "Long one", 1, "Long one", -1, 0.0, Evidence.MODEL, 0.83)));

    @Test
    void causeStructsHaveTheContractsFieldsInOrder() {
        assertThat(DataContract.CLASSIFIED.simpleString()).isEqualTo("struct<causes:array<struct<cause_id:string,"
                + "cause_group:string,sentiment:double,matched_by:string,evidence:array<struct<phrase:string,"
                + "matched_text:string,sentence_index:int,sentence:string,sentence_sentiment:int,sentence_polarity:double,"
                + "matched_by:string,score:double>>>>,cause_ids:array<string>>");
        assertThat(DataContract.CANDIDATE.simpleString()).isEqualTo("struct<month:string,term:string,complaints:bigint>");
    }

    @Test
    void causeMatchesSurviveTheRoundTripThroughARow() {
        Row row = DataContract.classified(List.of(byPatternAndModel), List.of("long_wait"));
        assertThat(row.schema()).isEqualTo(DataContract.CLASSIFIED);
        assertThat(DataContract.causesOf(row)).containsExactly(byPatternAndModel);
        Row cause = row.<Row>getList(row.fieldIndex("causes")).get(0);
        assertThat(cause.<String>getAs(CauseMatch.MATCHED_BY)).as("derived from the evidence").isEqualTo(Evidence.PATTERN);
        Row pattern = cause.<Row>getList(cause.fieldIndex(CauseMatch.EVIDENCE)).get(0);
        assertThat(pattern.isNullAt(pattern.fieldIndex(Evidence.SCORE))).isTrue();
        assertThat(DataContract.causesOf(DataContract.classified(List.of(), List.of(Columns.UNCLASSIFIED)))).isEmpty();
    }

    @Test
    void sentencesEncodeInTheStructsFieldOrder() {
        SentenceAnalysis s = analysis.sentences().get(0);
        assertThat(DataContract.SENTENCE.encode(s).schema().fieldNames()).containsExactly(SentenceAnalysis.INDEX,
                SentenceAnalysis.TEXT, SentenceAnalysis.SENTIMENT, SentenceAnalysis.SENTIMENT_PROBABILITIES,
                SentenceAnalysis.POLARITY, SentenceAnalysis.TOKEN_BEGIN, SentenceAnalysis.TOKEN_END, SentenceAnalysis.LEMMAS);
        assertThat(DataContract.SENTENCE.decode(DataContract.SENTENCE.encode(s))).isEqualTo(s);
    }

    /** The caches hold a key and what was computed from the text, never the text; their layout is part of their fingerprint. */
    @Test
    void cachesHoldAKeyNeverTheText() {
        assertThat(DataContract.NLP_CACHE.fieldNames()).containsExactly("text_sha256", "sentences", "sentiment_score",
                "sentiment_label", "most_negative_sentence", "sentences_too_long");
        assertThat(DataContract.EMBEDDING_CACHE.simpleString()).isEqualTo("struct<sentence_sha256:string,embedding:array<float>>");
    }

    @Test
    void ingestedRowsCarryTheOutcomesAsNameValuePairs() {
        assertThat(DataContract.INGESTED.apply(Columns.OUTCOMES).dataType()).isEqualTo(DataContract.OUTCOMES);
        assertThat(DataContract.OUTCOMES.simpleString()).isEqualTo("array<struct<name:string,value:string>>");
    }
}
