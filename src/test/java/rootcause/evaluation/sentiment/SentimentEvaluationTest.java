package rootcause.evaluation.sentiment;

import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;
import rootcause.sentiment.ConfusionMatrix;
import rootcause.sentiment.Polarity;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Judging analyses against human labels and counting the confusion matrix. Pure (the analyses are given). */
class SentimentEvaluationTest {
    private static DocumentAnalysis analysis(int sentenceClass, String label, double score) {
        List<SentenceAnalysis> sentences = sentenceClass == Integer.MIN_VALUE ? List.of()
                : List.of(new SentenceAnalysis(0, "text", sentenceClass, 0, 1, List.of("text")));
        return new DocumentAnalysis(sentences, score, label, null, 0);
    }

    @Test
    void sstIsJudgedByTheSentenceClassAndTweetsByTheDocumentLabel() {
        LabelledText negative = new LabelledText("7", "awful", Polarity.NEGATIVE);
        Prediction sst = SentimentEvaluation.bySentenceClass(negative, analysis(1, "positive", 0.4));
        assertThat(sst.predicted()).isEqualTo(Polarity.NEGATIVE);
        assertThat(sst.toTsv()).isEqualTo("7\tnegative\tnegative\t1");
        Prediction none = SentimentEvaluation.bySentenceClass(negative, analysis(Integer.MIN_VALUE, "neutral", 0));
        assertThat(none.detail()).isEqualTo("-1");
        assertThat(none.predicted()).as("no sentence: unknown, counted neutral").isEqualTo(Polarity.NEUTRAL);
        Prediction tweet = SentimentEvaluation.byDocumentLabel(negative, analysis(1, "very positive", 0.75));
        assertThat(tweet.predicted()).isEqualTo(Polarity.POSITIVE);
        assertThat(tweet.toTsv()).isEqualTo("7\tnegative\tpositive\tvery positive\t0.7500");
    }

    @Test
    void predictionsKeepTheTextsOrderAndScoreIntoTheMatrix() {
        List<LabelledText> texts = List.of(new LabelledText("1", "a", Polarity.NEGATIVE),
                new LabelledText("2", "b", Polarity.POSITIVE), new LabelledText("3", "c", Polarity.NEUTRAL));
        List<Prediction> predictions = SentimentEvaluation.judge(texts,
                List.of(analysis(0, "negative", -1), analysis(2, "neutral", 0), analysis(2, "neutral", 0)),
                SentimentEvaluation::bySentenceClass);
        assertThat(predictions).extracting(Prediction::id).containsExactly("1", "2", "3");
        ConfusionMatrix m = SentimentEvaluation.score(predictions);
        assertThat(m.total()).isEqualTo(3);
        assertThat(m.count(Polarity.POSITIVE, Polarity.NEUTRAL)).isEqualTo(1);
        assertThat(m.accuracy()).isEqualTo(2.0 / 3);
    }
}
