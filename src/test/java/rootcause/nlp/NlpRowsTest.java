package rootcause.nlp;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NlpRowsTest {
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
        Row row = NlpRows.toRow(analysis);
        assertThat(row.schema().simpleString()).isEqualTo(CONTRACT);
        ArrayType sentences = (ArrayType) row.schema().apply("sentences").dataType();
        assertThat(sentences.containsNull()).as("a null sentence in the array").isFalse();
        assertThat(Arrays.stream(((StructType) sentences.elementType()).fields()).filter(f -> !f.nullable())
                .map(StructField::name)).as("sentence fields that are never null")
                .containsExactly("index", "sentiment", "polarity", "token_begin", "token_end");
    }

    @Test
    void valuesSitUnderTheContractsNames() {
        Row row = NlpRows.toRow(analysis);
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
        Row row = NlpRows.toRow(analysis);
        assertThat(NlpRows.analysisFrom(row)).isEqualTo(analysis);
        assertThat(NlpRows.sentencesFrom(row)).isEqualTo(analysis.sentences());
    }

    @Test
    void emptyAnalysisHasNoSentencesAndNullMostNegative() {
        DocumentAnalysis empty = SentimentScore.summarise(List.of(), 0);
        assertThat(NlpRows.analysisFrom(NlpRows.toRow(empty))).isEqualTo(empty);
    }
}
