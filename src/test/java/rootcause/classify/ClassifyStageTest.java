package rootcause.classify;

import rootcause.model.DataContract;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import rootcause.SparkTestSession;
import rootcause.model.Columns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifyStageTest {
    private static final SparkSession SPARK = SparkTestSession.get();
    /** The patterns of the shipped taxonomy; the semantic layer has its own test below. */
    private static final ClassifyStage STAGE = new ClassifyStage(TaxonomyLoader.loadDefault().patternsOnly());

    static Row sentence(int index, String text, int sentiment, String lemmas) {
        // The polarity layer's score follows CoreNLP's class here: (c - 2) / 2.
        return RowFactory.create(index, text, sentiment, java.util.List.of(), (sentiment - 2) / 2.0, 0,
                lemmas.split(" ").length, Arrays.asList(lemmas.split(" ")));
    }

    static Row complaint(String id, String month, double score, Row... sentences) {
        return RowFactory.create(id, month, Arrays.asList(sentences), score);
    }

    static Dataset<Row> input(Row... rows) {
        return SPARK.createDataFrame(Arrays.asList(rows), ClassifyStage.INPUT_SCHEMA);
    }

    @Test
    void addsCausesWithEvidenceAndCauseIds() {
        Dataset<Row> out = STAGE.classify(input(
                complaint("c1", "2024-01", -0.75,
                        sentence(0, "I was on hold for two hours.", 1, "i be on hold for two hour ."),
                        sentence(1, "Then the agent hung up on me.", 0, "then the agent hang up on i .")),
                complaint("c2", "2024-01", -0.5,
                        sentence(0, "The agent was not rude.", 1, "the agent be not rude ."))));

        StructType expected = ClassifyStage.INPUT_SCHEMA;
        for (var f : DataContract.CLASSIFIED.fields()) {
            expected = expected.add(f);
        }
        assertThat(out.schema().simpleString()).isEqualTo(expected.simpleString());

        List<Row> rows = out.orderBy(Columns.COMPLAINT_ID).collectAsList();
        Row c1 = rows.get(0);
        assertThat(c1.<String>getList(c1.fieldIndex(Columns.CAUSE_IDS))).containsExactly("rudeness", "waiting");
        List<Row> causes = c1.getList(c1.fieldIndex(Columns.CAUSES));
        Row rudeness = causes.get(0);
        assertThat(rudeness.<String>getAs("cause_id")).isEqualTo("rudeness");
        assertThat(rudeness.<String>getAs("cause_group")).isEqualTo("people");
        assertThat(rudeness.<Double>getAs("sentiment")).isEqualTo(-1.0);
        Row evidence = rudeness.<Row>getList(rudeness.fieldIndex("evidence")).get(0);
        assertThat(evidence.<String>getAs("phrase")).isEqualTo("hang up on");
        assertThat(evidence.<String>getAs("matched_text")).isEqualTo("hang up on");
        assertThat(evidence.<Integer>getAs("sentence_index")).isEqualTo(1);
        assertThat(evidence.<String>getAs("sentence")).isEqualTo("Then the agent hung up on me.");
        assertThat(evidence.<Integer>getAs("sentence_sentiment")).isEqualTo(0);
        assertThat(evidence.<Double>getAs("sentence_polarity")).isEqualTo(-1.0);
        assertThat(causes.get(1).<Double>getAs("sentiment")).isEqualTo(-0.5);

        Row c2 = rows.get(1);
        assertThat(c2.<String>getList(c2.fieldIndex(Columns.CAUSE_IDS))).containsExactly(Columns.UNCLASSIFIED);
        assertThat(c2.getList(c2.fieldIndex(Columns.CAUSES))).isEmpty();
    }

    @Test
    void theSemanticLayerAddsModelMatchesWithEvidenceAndEmbedsEachDistinctSentenceOnce() {
        ClassifyStage semantic = new ClassifyStage(ExampleMatcherTest.TAXONOMY);
        Row waited = sentence(0, "They kept me waiting on the phone forever and nobody answered.", 1,
                "they keep i wait on the phone forever and nobody answer .");
        Row rude = sentence(1, "Then the agent hung up on me.", 0, "then the agent hang up on i .");
        Row notRude = sentence(0, "The agent on the phone was not rude at all.", 2, "the agent on the phone be not rude at all .");
        Dataset<Row> out = semantic.classify(input(
                complaint("m1", "2024-01", -0.5, waited, rude),
                complaint("m2", "2024-01", -0.5, waited, rude), // the same text again: embedded once
                complaint("m3", "2024-01", 0.0, notRude),
                complaint("m4", "2024-01", 0.0)));

        assertThat(out.columns()).doesNotContain(SemanticStage.MODEL_HITS);
        List<Row> rows = out.orderBy(Columns.COMPLAINT_ID).collectAsList();
        assertThat(semantic.sentencesEmbedded()).isEqualTo(3);
        for (Row r : rows.subList(0, 2)) {
            assertThat(r.<String>getList(r.fieldIndex(Columns.CAUSE_IDS))).containsExactly("rudeness", "waiting");
            List<Row> causes = r.getList(r.fieldIndex(Columns.CAUSES));
            assertThat(causes.get(0).<String>getAs("matched_by")).isEqualTo("pattern");
            Row waiting = causes.get(1);
            assertThat(waiting.<String>getAs("matched_by")).isEqualTo("model");
            Row evidence = waiting.<Row>getList(waiting.fieldIndex("evidence")).get(0);
            assertThat(evidence.<String>getAs("matched_by")).isEqualTo("model");
            assertThat(evidence.<Double>getAs("score")).isBetween(0.6, 1.0);
            assertThat(ExampleMatcherTest.TAXONOMY.cause("waiting").examples()).contains(evidence.<String>getAs("phrase"));
            assertThat(evidence.<Integer>getAs("sentence_index")).isZero();
            assertThat(evidence.<Integer>getAs("sentence_sentiment")).isEqualTo(1);
        }
        assertThat(rows.get(2).<String>getList(rows.get(2).fieldIndex(Columns.CAUSE_IDS))).containsExactly(Columns.UNCLASSIFIED);
        assertThat(rows.get(3).<String>getList(rows.get(3).fieldIndex(Columns.CAUSE_IDS))).containsExactly(Columns.UNCLASSIFIED);
    }

    @Test
    void keepsOtherInputColumnsAndHandlesNullSentences() {
        Dataset<Row> in = input(RowFactory.create("c3", "2024-02", null, 0.0)).withColumn("source", org.apache.spark.sql.functions.lit("twcs"));
        Row row = STAGE.classify(in).collectAsList().get(0);
        assertThat(row.<String>getAs("source")).isEqualTo("twcs");
        assertThat(row.<String>getList(row.fieldIndex(Columns.CAUSE_IDS))).containsExactly(Columns.UNCLASSIFIED);
    }

    @Test
    void failsNamingTheStageTheMissingColumnAndTheColumnsPresent() {
        Dataset<Row> in = input(complaint("c1", "2024-01", 0.0)).drop(Columns.SENTENCES);
        assertThatThrownBy(() -> STAGE.classify(in))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stage 'classify': input is missing column(s) [sentences]; columns present: "
                        + "[complaint_id, month, sentiment_score]");
    }

    @Test
    void candidateTermsCountUnclassifiedNegativeComplaintsPerMonth() {
        List<Row> rows = new ArrayList<>();
        // three negative unclassified complaints in January talk about a "billing cycle"
        for (int i = 0; i < 3; i++) {
            rows.add(complaint("j" + i, "2024-01", -0.5,
                    sentence(0, "The billing cycle changed again.", 1, "the billing cycle change again .")));
        }
        // positive or classified complaints do not count
        rows.add(complaint("p", "2024-01", 0.5, sentence(0, "billing cycle", 3, "billing cycle")));
        rows.add(complaint("r", "2024-01", -0.5, sentence(0, "rude billing cycle", 0, "rude billing cycle")));
        // February: one complaint, the same word twice counts once
        rows.add(complaint("f", "2024-02", -0.5, sentence(0, "Escrow escrow.", 1, "escrow escrow ."),
                sentence(1, "Escrow.", 1, "escrow .")));
        Dataset<Row> classified = STAGE.classify(input(rows.toArray(Row[]::new)));
        List<Row> terms = STAGE.candidateTerms(classified).collectAsList();

        assertThat(STAGE.candidateTerms(classified).schema()).isEqualTo(DataContract.CANDIDATE);
        assertThat(terms).map(Row::toString).containsExactly(
                "[2024-01,billing,3]", "[2024-01,billing cycle,3]", "[2024-01,change,3]", "[2024-01,cycle,3]",
                "[2024-01,cycle change,3]", "[2024-02,escrow,1]", "[2024-02,escrow escrow,1]");
    }

    @Test
    void candidateTermsKeepTheTopThirtyPerMonth() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(complaint("c" + i, "2024-03", -1.0, sentence(0, "term", 0, "zzterm" + (char) ('a' + i % 26) + (char) ('a' + i / 26))));
        }
        assertThat(STAGE.candidateTerms(STAGE.classify(input(rows.toArray(Row[]::new)))).count()).isEqualTo(30);
    }
}
