package rootcause.classify;

import rootcause.model.DocumentAnalysis;
import rootcause.model.SentenceAnalysis;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.SentimentAnalyzer;
import rootcause.sentiment.PolarityModel;
import rootcause.sentiment.SentimentModelFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one complaint text is split, scored and classified, and why: every signal's judgements per sentence, and what
 * the taxonomy's combination ({@link SignalCombiner}) made of them. The work of {@code explain}, which only prints
 * it. Runs on the driver, no Spark.
 *
 * @param taxonomy    the taxonomy that classified the text
 * @param classifier  its classifier (signals and combination)
 * @param sentiment   the sentiment model the sentences were scored with
 * @param document    the text's analysis, with the sentiment model applied
 * @param combination the causes found, every hit's verdict, and fallback causes dropped
 * @param sentences   per sentence, each signal's judgements
 */
public record Explanation(Taxonomy taxonomy, ComplaintClassifier classifier, SentimentModelFile sentiment,
                          DocumentAnalysis document, SignalCombiner.Combination combination,
                          List<SentenceJudgements> sentences) {
    /** Scored judgements that did not fire shown per sentence and signal, highest first. */
    public static final int NEAR_MISSES = 3;

    /** One sentence and what each signal, in the classifier's order, made of it. */
    public record SentenceJudgements(SentenceAnalysis sentence, List<SignalJudgements> signals) {}

    /**
     * One signal on one sentence: its hits, each with what the combination made of it (null: none was given, it
     * counts), and the judgements that did not fire worth showing (every unscored one, the {@value #NEAR_MISSES}
     * highest scored ones).
     */
    public record SignalJudgements(CauseSignal signal, List<Judged> fired, List<SignalHit> misses) {}

    /** A hit that fired and the combination's verdict on it. */
    public record Judged(SignalHit hit, SignalCombiner.Verdict verdict) {
        public boolean counts() {
            return verdict == null || verdict.counts();
        }
    }

    /** Analyses and classifies the text as the job would with this taxonomy and sentiment model. */
    public static Explanation of(String text, Taxonomy taxonomy, SentimentModelFile sentiment) {
        ComplaintClassifier classifier = new ComplaintClassifier(taxonomy);
        PolarityModel polarity = sentiment.model();
        NlpSettings settings = polarity.needsParser() ? NlpSettings.defaults() : NlpSettings.defaults().withoutParser();
        DocumentAnalysis doc = polarity.apply(SentimentAnalyzer.shared(settings).analyze(text));
        SignalCombiner.Combination combination = classifier.combination(doc.sentences());
        Map<SignalHit, SignalCombiner.Verdict> verdicts = new HashMap<>();
        combination.verdicts().forEach(v -> verdicts.put(v.hit(), v));
        List<SentenceJudgements> sentences = new ArrayList<>();
        for (SentenceAnalysis s : doc.sentences()) {
            List<SignalHit> judged = classifier.judgements(s);
            List<SignalJudgements> signals = new ArrayList<>();
            for (CauseSignal signal : classifier.signals()) {
                signals.add(judgements(signal, judged.stream().filter(h -> h.signal().equals(signal.name())).toList(), verdicts));
            }
            sentences.add(new SentenceJudgements(s, List.copyOf(signals)));
        }
        return new Explanation(taxonomy, classifier, sentiment, doc, combination, List.copyOf(sentences));
    }

    private static SignalJudgements judgements(CauseSignal signal, List<SignalHit> judged,
                                               Map<SignalHit, SignalCombiner.Verdict> verdicts) {
        List<Judged> fired = judged.stream().filter(SignalHit::fires).map(h -> new Judged(h, verdicts.get(h))).toList();
        List<SignalHit> misses = judged.stream().filter(h -> !h.fires()).toList();
        List<SignalHit> shown = new ArrayList<>(misses.stream().filter(h -> h.score() == null).toList());
        misses.stream().filter(h -> h.score() != null).sorted(Comparator.comparingDouble(SignalHit::score).reversed())
                .limit(NEAR_MISSES).forEach(shown::add);
        return new SignalJudgements(signal, fired, List.copyOf(shown));
    }
}
