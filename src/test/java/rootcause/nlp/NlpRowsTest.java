package rootcause.nlp;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NlpRowsTest {
    @Test
    void analysisSurvivesTheRoundTripThroughARow() {
        DocumentAnalysis a = new DocumentAnalysis(List.of(
                new SentenceAnalysis(0, "They lied.", 0, 0, 3, List.of("they", "lie", ".")),
                new SentenceAnalysis(1, "Long one", SentenceAnalysis.UNKNOWN, 3, 95, List.of("long", "one"))),
                -1.0, "very negative", "They lied.", 1);
        Row row = NlpRows.toRow(a);
        assertThat(row.schema()).isEqualTo(NlpStage.NLP_COLUMNS);
        assertThat(NlpRows.analysisFrom(row)).isEqualTo(a);
        assertThat(NlpRows.sentencesFrom(row)).isEqualTo(a.sentences());
    }

    @Test
    void emptyAnalysisHasNoSentencesAndNullMostNegative() {
        DocumentAnalysis empty = SentimentScore.summarise(List.of(), 0);
        assertThat(NlpRows.analysisFrom(NlpRows.toRow(empty))).isEqualTo(empty);
    }
}
