package rootcause.sentiment;

import edu.stanford.nlp.stats.Counter;
import org.junit.jupiter.api.Test;
import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The polarity layer's pure parts: features, label scales, the model and its bytes. */
class PolarityLayerTest {
    private static final Set<PolarityFeatures.Family> NGRAMS = Set.of(PolarityFeatures.Family.NGRAMS);
    private static final java.util.function.Function<String, float[]> NO_EMBEDDINGS = t -> {
        throw new AssertionError("no embedding needed");
    };

    private static SentenceAnalysis sentence(int index, String lemmas, List<Double> probabilities) {
        List<String> l = List.of(lemmas.split(" "));
        return new SentenceAnalysis(index, lemmas, probabilities.isEmpty() ? -1 : 2, probabilities, 0.0, 0, l.size(), l);
    }

    private static List<SentenceAnalysis> text(String... sentences) {
        List<SentenceAnalysis> out = new ArrayList<>();
        for (String s : sentences) out.add(sentence(out.size(), s, List.of()));
        return out;
    }

    @Test
    void negationMarksEveryLemmaToTheEndOfTheClause() {
        Counter<String> f = PolarityFeatures.of(text("i be n't happy with it , but fine ."), NGRAMS, NO_EMBEDDINGS);
        assertThat(f.keySet()).contains("u:not", "u:not_happy", "u:not_with", "u:not_it", "u:fine", "b:not_happy_not_with")
                .doesNotContain("u:happy", "u:not_fine");
        assertThat(f.getCount(PolarityFeatures.BIAS)).isEqualTo(1.0);
    }

    @Test
    void handlesLinksAndNumbersAreOneTokenEach() {
        assertThat(PolarityFeatures.of(text("@delta call 555 http://x.co"), NGRAMS, NO_EMBEDDINGS).keySet())
                .contains("u:<handle>", "u:<number>", "u:<link>").doesNotContain("u:@delta", "u:555");
    }

    @Test
    void rntnFeaturesWeighSentencesByTokensAndKeepTheMostNegative() {
        List<SentenceAnalysis> s = List.of(
                sentence(0, "a b c", List.of(0.6, 0.2, 0.1, 0.05, 0.05)),
                sentence(1, "d", List.of(0.0, 0.0, 0.2, 0.4, 0.4)));
        Counter<String> f = PolarityFeatures.of(s, Set.of(PolarityFeatures.Family.RNTN), NO_EMBEDDINGS);
        assertThat(f.getCount("rntn:p0")).isCloseTo((3 * 0.6) / 4, within(1e-9));
        assertThat(f.getCount("rntn:most_negative")).isCloseTo(0.8, within(1e-9));
        assertThat(f.getCount("rntn:most_positive")).isCloseTo(0.8, within(1e-9));
        assertThat(PolarityFeatures.of(text("x"), Set.of(PolarityFeatures.Family.RNTN), NO_EMBEDDINGS).getCount("rntn:unknown")).isEqualTo(1.0);
    }

    @Test
    void embeddingFeaturesAreTheTokenWeightedMeanOfTheSentenceVectors() {
        List<SentenceAnalysis> s = text("a b c", "d");
        java.util.Map<String, float[]> vectors = java.util.Map.of("a b c", new float[] {1f, 0f}, "d", new float[] {0f, 1f});
        Counter<String> f = PolarityFeatures.of(s, Set.of(PolarityFeatures.Family.EMBEDDINGS), vectors::get);
        assertThat(f.getCount("e0")).isCloseTo(0.75, within(1e-9));
        assertThat(f.getCount("e1")).isCloseTo(0.25, within(1e-9));
    }

    /**
     * A score that is not a number is on no numeric scale, as a word is: skipped (null), never a class. Java's
     * parseDouble reads "NaN", "Infinity", type suffixes ("9d", "9f") and hex ("0x1p3"), and BigDecimal other
     * scripts' digits ("٩", full-width "９"); none is a score.
     */
    @Test
    void aScoreThatIsNotANumberMapsToNoClassLikeAnyUnparsableValue() {
        assertThat(PolarityLabels.NPS.map("meh")).isNull();
        assertThat(PolarityLabels.FIVE_POINT.map("meh")).isNull();
        for (String notANumber : List.of("NaN", "nan", "-NaN", "Infinity", "9d", "9f", "4D", "0x1p3", "\u0669", "\uFF19")) {
            assertThat(PolarityLabels.NPS.map(notANumber)).as("NPS " + notANumber).isNull();
            assertThat(PolarityLabels.FIVE_POINT.map(notANumber)).as("five-point " + notANumber).isNull();
        }
        assertThat(PolarityLabels.NPS.map("9.0")).isEqualTo(Polarity.POSITIVE);
        assertThat(PolarityLabels.NPS.map("1e1")).isEqualTo(Polarity.POSITIVE);
        assertThat(PolarityLabels.FIVE_POINT.map("+2")).isEqualTo(Polarity.NEGATIVE);
    }

    @Test
    void labelScalesMapAndAreDetected() {
        assertThat(PolarityLabels.WORDS.map(" Negative ")).isEqualTo(Polarity.NEGATIVE);
        assertThat(PolarityLabels.WORDS.map("meh")).isNull();
        assertThat(PolarityLabels.FIVE_POINT.map("2")).isEqualTo(Polarity.NEGATIVE);
        assertThat(PolarityLabels.FIVE_POINT.map("3")).isEqualTo(Polarity.NEUTRAL);
        assertThat(PolarityLabels.FIVE_POINT.map("4.0")).isEqualTo(Polarity.POSITIVE);
        assertThat(PolarityLabels.FIVE_POINT.map("6")).isNull();
        assertThat(PolarityLabels.NPS.map("6")).isEqualTo(Polarity.NEGATIVE);
        assertThat(PolarityLabels.NPS.map("8")).isEqualTo(Polarity.NEUTRAL);
        assertThat(PolarityLabels.NPS.map("9")).isEqualTo(Polarity.POSITIVE);
        assertThat(PolarityLabels.detect(List.of("negative", "positive", "neutral"))).isEqualTo(PolarityLabels.WORDS);
        assertThat(PolarityLabels.detect(List.of("1", "5", "3"))).isEqualTo(PolarityLabels.FIVE_POINT);
        assertThat(PolarityLabels.detect(List.of("0", "10", "7"))).isEqualTo(PolarityLabels.NPS);
        assertThat(PolarityLabels.parse("five-point")).isEqualTo(PolarityLabels.FIVE_POINT);
        assertThatThrownBy(() -> PolarityLabels.detect(List.of("x", "y"))).hasMessageContaining("neither");
    }

    @Test
    void modelLearnsPolarityAppliesItPerSentenceAndSurvivesItsBytes() {
        List<PolarityModel.Example> examples = new ArrayList<>();
        String[] neg = {"it be broken", "never arrive", "rude agent", "still broken", "refund never come", "awful wait"};
        String[] pos = {"love it", "great help", "quick fix , thank you", "friendly agent", "love the fix", "great service"};
        String[] neu = {"what time do you open", "i send a dm", "my order number be 5", "do you ship", "i call today", "it be tuesday"};
        for (String s : neg) examples.add(new PolarityModel.Example(text(s), Polarity.NEGATIVE));
        for (String s : pos) examples.add(new PolarityModel.Example(text(s), Polarity.POSITIVE));
        for (String s : neu) examples.add(new PolarityModel.Example(text(s), Polarity.NEUTRAL));
        PolarityModel model = PolarityModel.train(examples, NGRAMS, 1.0, "test examples");
        assertThat(model.needsParser()).isFalse();

        DocumentAnalysis read = model.apply(new DocumentAnalysis(text("love the agent .", "still broken ."), 0, "?", null, 0));
        assertThat(read.sentences().get(0).polarity()).isPositive();
        assertThat(read.sentences().get(1).polarity()).isNegative();
        assertThat(read.mostNegativeSentence()).isEqualTo("still broken .");
        assertThat(read.sentimentScore()).isBetween(-1.0, 1.0);
        double[] p = model.probabilities(read.sentences());
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(1e-9));
        assertThat(read.sentimentLabel()).isEqualTo(model.predict(read.sentences()).lowerName());
        assertThat(model.apply(new DocumentAnalysis(List.of(), 0, "?", null, 0)).sentimentLabel()).isEqualTo("neutral");

        byte[] bytes = model.toBytes();
        PolarityModel back = PolarityModel.fromBytes(bytes, "test");
        assertThat(back.probabilities(read.sentences())).containsExactly(p, within(1e-12));
        String hash = PolarityModel.sha256(bytes);
        assertThat(PolarityModel.shared(hash, () -> bytes)).isSameAs(PolarityModel.shared(hash, () -> {
            throw new AssertionError("a JVM deserialises a model once");
        }));
        assertThatThrownBy(() -> PolarityModel.fromBytes(new byte[] {1, 2, 3}, "junk.bin"))
                .hasMessageStartingWith("junk.bin is not a rootcause sentiment model");
    }

    @Test
    void macroF1AveragesTheThreeClasses() {
        ConfusionMatrix m = ConfusionMatrix.empty()
                .add(Polarity.NEGATIVE, Polarity.NEGATIVE).add(Polarity.NEGATIVE, Polarity.NEUTRAL)
                .add(Polarity.POSITIVE, Polarity.POSITIVE);
        // negative F1 2/3, neutral 0, positive 1.
        assertThat(m.macroF1()).isCloseTo((2.0 / 3 + 0 + 1) / 3, within(1e-12));
    }
}
