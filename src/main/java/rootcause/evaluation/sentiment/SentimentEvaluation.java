package rootcause.evaluation.sentiment;

import rootcause.sentiment.ConfusionMatrix;

import rootcause.sentiment.Polarity;
import rootcause.model.DocumentAnalysis;
import rootcause.nlp.SentimentAnalyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Runs an analyzer over labelled texts and scores it. Runs on the driver (plain JVM, no Spark);
 * the scoring functions are pure.
 */
public final class SentimentEvaluation {
    private SentimentEvaluation() {}

    /** One sentence per text: the prediction is the sentence's class (SST). */
    public static Prediction bySentenceClass(LabelledText t, DocumentAnalysis a) {
        int c = a.sentences().isEmpty() ? -1 : a.sentences().get(0).sentiment();
        return new Prediction(t.id(), t.gold(), Polarity.ofSentenceClass(c), Integer.toString(c), a.sentences().size());
    }

    /** Whole documents: the prediction is the document label collapsed to three classes (tweets). */
    public static Prediction byDocumentLabel(LabelledText t, DocumentAnalysis a) {
        return new Prediction(t.id(), t.gold(), Polarity.ofDocumentLabel(a.sentimentLabel()),
                a.sentimentLabel() + "\t" + String.format(Locale.ROOT, "%.4f", a.sentimentScore()), a.sentences().size());
    }

    public static ConfusionMatrix score(List<Prediction> predictions) {
        ConfusionMatrix m = ConfusionMatrix.empty();
        for (Prediction p : predictions) m = m.add(p.gold(), p.predicted());
        return m;
    }

    /** Predictions in input order, computed by {@code threads} threads sharing the analyzer. */
    public static List<Prediction> predict(SentimentAnalyzer analyzer, List<LabelledText> texts, int threads,
                                           BiFunction<LabelledText, DocumentAnalysis, Prediction> judge)
            throws InterruptedException {
        return judge(texts, analyse(analyzer, texts, threads), judge);
    }

    /** The analyses of the texts in input order, computed by {@code threads} threads sharing the analyzer. */
    public static List<DocumentAnalysis> analyse(SentimentAnalyzer analyzer, List<LabelledText> texts, int threads)
            throws InterruptedException {
        return analyzer.analyzeAll(texts.stream().map(LabelledText::text).toList(), threads);
    }

    /** One prediction per text from its analysis. */
    public static List<Prediction> judge(List<LabelledText> texts, List<DocumentAnalysis> analyses,
                                         BiFunction<LabelledText, DocumentAnalysis, Prediction> judge) {
        List<Prediction> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) out.add(judge.apply(texts.get(i), analyses.get(i)));
        return out;
    }
}
