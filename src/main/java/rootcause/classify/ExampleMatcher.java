package rootcause.classify;

import rootcause.embed.SentenceEmbedder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The semantic layer: scores a sentence's embedding against every cause, by the taxonomy's rule
 * ({@link SemanticSettings}): a linear model per cause trained on the taxonomy's own sentences, or the nearest
 * example against the nearest counter-example. Either way it reports the nearest example, the explainable part
 * of the evidence. Pure given the embedding function. The job builds one on the driver from the stored or new
 * embeddings of {@link #sentencesOf} the taxonomy and broadcasts it (it is serializable); {@code explain} and the
 * evaluations use one per JVM ({@link #shared}), which embeds the examples and trains the linear rule once.
 */
public final class ExampleMatcher implements CauseSignal, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The signal's name, in {@code matched_by}. */
    public static final String NAME = rootcause.model.Evidence.MODEL;
    private static final Map<Taxonomy, ExampleMatcher> SHARED = new ConcurrentHashMap<>();

    private final Taxonomy taxonomy;
    private final List<CauseVectors> causes;
    private final LinearCauseModel linear;
    /** Linear rule: every counter-example and background sentence, the negatives a match must not be nearer to. */
    private final List<String> negatives;
    private final float[][] negativeVectors;

    /**
     * One cause's sentences as vectors. Anchors are what the evidence names as the nearest example: the cause's
     * examples plus the labelled training sentences that show it.
     */
    private record CauseVectors(Cause cause, double threshold, List<String> examples, float[][] exampleVectors,
                                List<String> counterExamples, float[][] counterVectors,
                                List<String> anchors, float[][] anchorVectors) implements java.io.Serializable {
    }

    /**
     * How one sentence scores against one cause, whether or not it matches: for {@code explain}.
     *
     * @param causeId           the cause
     * @param nearestExample    its example nearest to the sentence
     * @param similarity        the cosine similarity to that example
     * @param nearestCounter    its counter-example nearest to the sentence, or null when it has none
     * @param counterSimilarity the similarity to that counter-example, or -1
     * @param probability       the linear rule's probability that the sentence shows the cause (NaN with the
     *                          nearest-example rule)
     * @param threshold         the probability or similarity a match needs
     * @param matches           true when this is a model match
     * @param reason            why it is, or is not, a match, in words
     */
    public record Score(String causeId, String nearestExample, double similarity, String nearestCounter,
                        double counterSimilarity, double probability, double threshold, boolean matches, String reason) {
        /** What the rule compared with the threshold: the probability (linear) or the similarity. */
        public double score() {
            return Double.isNaN(probability) ? similarity : probability;
        }
    }

    /** How a layer's rule is fitted once its sentences are embedded: the difference between the two approaches. */
    private interface RuleFit extends java.io.Serializable {
        LinearCauseModel fit(ExampleMatcher layer, float[][] background, List<TrainingSentence> training, float[][] trainingVectors);
    }

    /**
     * Fits the example layer ({@code decision: linear} or {@code nearest_example}): the linear rule is trained here,
     * at load, on the taxonomy's examples, counter-examples, background and labelled sentences; the nearest-example
     * rule needs no training.
     */
    public static final class ExampleApproach extends LayerApproach {
        @Override
        RuleFit rule(Taxonomy taxonomy) {
            return (layer, background, training, trainingVectors) -> taxonomy.semantic().decision() == SemanticSettings.Decision.LINEAR
                    ? LinearCauseModel.train(taxonomy.causes().stream().map(Cause::id).toList(),
                    layer.trainingSamples(background, training, trainingVectors), SentenceEmbedder.DIMENSION)
                    : null;
        }
    }

    /**
     * Fits the trained head model ({@code decision: head}): the head is data beside the taxonomy, trained with the cause
     * encoder; only train-causes hands it labelled sentences, in memory, to adjust it to them.
     */
    public static final class HeadApproach extends LayerApproach {
        @Override
        RuleFit rule(Taxonomy taxonomy) {
            return (layer, background, training, trainingVectors) -> training.isEmpty() ? taxonomy.semantic().head()
                    : LinearCauseModel.fineTune(taxonomy.semantic().head(), layer.labelledSamples(training, trainingVectors));
        }
    }

    /** What both approaches share: the signal's name, its vectors, the sentences to embed. */
    abstract static class LayerApproach implements SignalApproach {
        abstract RuleFit rule(Taxonomy taxonomy);

        @Override
        public String signal() {
            return NAME;
        }

        @Override
        public boolean readsVectors() {
            return true;
        }

        @Override
        public java.util.Set<String> sentencesToEmbed(Taxonomy taxonomy) {
            return sentencesOf(taxonomy);
        }

        @Override
        public ExampleMatcher fit(Taxonomy taxonomy, Function<String, float[]> embed) {
            return new ExampleMatcher(taxonomy, embed, rule(taxonomy));
        }
    }

    /** The layer the taxonomy's {@code decision} names, fitted on these embeddings of its sentences. */
    public static ExampleMatcher fit(Taxonomy taxonomy, Function<String, float[]> embed) {
        if (!taxonomy.hasSemanticLayer()) {
            throw new IllegalArgumentException("taxonomy " + taxonomy.id() + " " + taxonomy.version()
                    + " has no semantic: block, so no semantic layer");
        }
        return (ExampleMatcher) CauseSignals.approaches(taxonomy).stream().filter(a -> a.signal().equals(NAME))
                .findFirst().orElseThrow().fit(taxonomy, embed);
    }

    private ExampleMatcher(Taxonomy taxonomy, Function<String, float[]> embed, RuleFit rule) {
        if (!taxonomy.hasSemanticLayer()) {
            throw new IllegalArgumentException("taxonomy " + taxonomy.id() + " " + taxonomy.version()
                    + " has no semantic: block, so no semantic layer");
        }
        this.taxonomy = taxonomy;
        requireHeadsEncoder(taxonomy.semantic());
        // Exactly the sentences sentencesOf names, each embedded once: the job embeds (or finds cached) that set.
        Function<List<String>, float[][]> vectorsOf = vectorsOf(sentencesOf(taxonomy), embed);
        List<CauseVectors> vectors = new ArrayList<>();
        List<TrainingSentence> training = taxonomy.semantic().training();
        float[][] trainingVectors = vectorsOf.apply(training.stream().map(TrainingSentence::text).toList());
        for (Cause c : taxonomy.causes()) {
            float[][] examples = vectorsOf.apply(c.examples());
            List<String> anchors = new ArrayList<>(c.examples());
            List<float[]> anchorVectors = new ArrayList<>(java.util.Arrays.asList(examples));
            for (int i = 0; i < training.size(); i++) {
                if (training.get(i).shows().contains(c.id())) {
                    anchors.add(training.get(i).text());
                    anchorVectors.add(trainingVectors[i]);
                }
            }
            vectors.add(new CauseVectors(c, taxonomy.threshold(c), c.examples(), examples,
                    c.counterExamples(), vectorsOf.apply(c.counterExamples()),
                    List.copyOf(anchors), anchorVectors.toArray(float[][]::new)));
        }
        this.causes = List.copyOf(vectors);
        List<String> negativeTexts = new ArrayList<>();
        List<float[]> negativeVecs = new ArrayList<>();
        for (CauseVectors c : vectors) {
            negativeTexts.addAll(c.counterExamples());
            negativeVecs.addAll(java.util.Arrays.asList(c.counterVectors()));
        }
        float[][] background = vectorsOf.apply(taxonomy.semantic().background());
        negativeTexts.addAll(taxonomy.semantic().background());
        negativeVecs.addAll(java.util.Arrays.asList(background));
        this.negatives = List.copyOf(negativeTexts);
        this.negativeVectors = negativeVecs.toArray(float[][]::new);
        this.linear = rule.fit(this, background, training, trainingVectors);
    }

    /**
     * A trained head only means something on the encoder it was trained on: the jar on the class path must hold
     * exactly that encoder (checked on the driver, where the matcher is built, before any executor uses it).
     */
    static void requireHeadsEncoder(SemanticSettings settings) {
        if (settings.decision() != SemanticSettings.Decision.HEAD || settings.head().encoderSha256() == null) {
            return;
        }
        String onClassPath = SentenceEmbedder.modelSha256(settings.encoder());
        if (!onClassPath.equals(settings.head().encoderSha256())) {
            throw new IllegalStateException("the taxonomy's trained head was trained on encoder " + settings.head().encoderSha256()
                    + " but the " + settings.encoder().id() + " jar on the class path holds " + onClassPath
                    + ": ship the cause-encoder jar built with this taxonomy (target/embedding-jars)");
        }
    }

    /**
     * The linear rule's training sentences: each cause's examples are positives for it and negatives for every
     * other cause; counter-examples (negations, praise, what the definitions exclude) and background sentences are
     * negatives for all causes, so the rule learns that "the agent was not rude" is no people cause at all; labelled
     * training sentences are positives for what they show and negatives for all but their unknown causes.
     */
    private List<LinearCauseModel.Sample> trainingSamples(float[][] background, List<TrainingSentence> training,
                                                          float[][] trainingVectors) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        causes.forEach(c -> all.add(c.cause().id()));
        List<LinearCauseModel.Sample> samples = new ArrayList<>();
        for (CauseVectors c : causes) {
            java.util.Set<String> others = new java.util.LinkedHashSet<>(all);
            others.remove(c.cause().id());
            for (float[] v : c.exampleVectors()) {
                samples.add(new LinearCauseModel.Sample(v, java.util.Set.of(c.cause().id()), others));
            }
            for (float[] v : c.counterVectors()) {
                samples.add(new LinearCauseModel.Sample(v, java.util.Set.of(), all));
            }
        }
        for (float[] v : background) {
            samples.add(new LinearCauseModel.Sample(v, java.util.Set.of(), all));
        }
        samples.addAll(labelledSamples(training, trainingVectors));
        return samples;
    }

    /**
     * The labelled training sentences alone: positives for what they show, negatives for all but their unknown
     * causes. What adjusts a trained head (the taxonomy's own examples were never its training data).
     */
    private List<LinearCauseModel.Sample> labelledSamples(List<TrainingSentence> training, float[][] trainingVectors) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        causes.forEach(c -> all.add(c.cause().id()));
        List<LinearCauseModel.Sample> samples = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            TrainingSentence t = training.get(i);
            java.util.Set<String> negative = new java.util.LinkedHashSet<>(all);
            negative.removeAll(t.shows());
            negative.removeAll(t.unknown());
            samples.add(new LinearCauseModel.Sample(trainingVectors[i], java.util.Set.copyOf(t.shows()), negative));
        }
        return samples;
    }

    /**
     * Every sentence of the taxonomy the constructor embeds: its training sentences, each cause's examples and
     * counter-examples, and the background sentences. Distinct, in that order.
     */
    public static java.util.Set<String> sentencesOf(Taxonomy taxonomy) {
        java.util.Set<String> texts = new java.util.LinkedHashSet<>();
        taxonomy.semantic().training().forEach(t -> texts.add(t.text()));
        for (Cause c : taxonomy.causes()) {
            texts.addAll(c.examples());
            texts.addAll(c.counterExamples());
        }
        texts.addAll(taxonomy.semantic().background());
        return texts;
    }

    /** The one matcher for this taxonomy in this JVM, on the JVM's shared embedder. */
    public static ExampleMatcher shared(Taxonomy taxonomy) {
        return SHARED.computeIfAbsent(taxonomy, t -> fit(t, SentenceEmbedder.shared(t.semantic().encoder())::embed));
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The linear rule's model or the trained head (adjusted to training sentences, if any); null for nearest example. */
    public LinearCauseModel linearModel() {
        return linear;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String describe(SignalHit judgement) {
        return String.format(java.util.Locale.ROOT, "model score %.3f, nearest example \"%s\"", judgement.score(), judgement.phrase());
    }

    /**
     * How the sentence scores against every cause, in taxonomy order: a hit fires where it is a model match; its
     * phrase is the nearest example, its words the whole sentence. No vector (a sentence without text): nothing.
     */
    @Override
    public List<SignalHit> judge(rootcause.model.SentenceAnalysis sentence, float[] vector) {
        if (vector == null) {
            return List.of();
        }
        List<SignalHit> judged = new ArrayList<>(causes.size());
        for (Score s : scores(vector, sentence.tokenEnd() - sentence.tokenBegin())) {
            String reason = s.nearestCounter() == null ? s.reason() : String.format(java.util.Locale.ROOT,
                    "%s; nearest counter-example \"%s\" %.3f", s.reason(), s.nearestCounter(), s.counterSimilarity());
            judged.add(new SignalHit(NAME, s.causeId(), sentence.index(), s.matches(), s.score(), s.nearestExample(), null, reason));
        }
        return judged;
    }

    /** How one sentence scores against every cause, in taxonomy order. */
    public List<Score> scores(float[] sentence, int tokens) {
        SemanticSettings settings = taxonomy.semantic();
        List<Score> scores = new ArrayList<>(causes.size());
        int negative = linear == null ? -1 : nearest(sentence, negativeVectors);
        double negativeSimilarity = negative < 0 ? -1 : SentenceEmbedder.cosine(sentence, negativeVectors[negative]);
        for (int ci = 0; ci < causes.size(); ci++) {
            CauseVectors c = causes.get(ci);
            double probability = linear == null ? Double.NaN : linear.probability(ci, sentence);
            int best = nearest(sentence, c.anchorVectors());
            double similarity = best < 0 ? -1 : SentenceEmbedder.cosine(sentence, c.anchorVectors()[best]);
            int counter = linear != null ? negative : nearest(sentence, c.counterVectors());
            double counterSimilarity = linear != null ? negativeSimilarity
                    : counter < 0 ? -1 : SentenceEmbedder.cosine(sentence, c.counterVectors()[counter]);
            String counterText = counter < 0 ? null : linear != null ? negatives.get(counter) : c.counterExamples().get(counter);
            boolean matches = best >= 0 && matches(similarity, counterSimilarity, probability, tokens, c.threshold(), settings);
            String what = linear == null ? "similarity" : "probability";
            double score = linear == null ? similarity : probability;
            String reason;
            if (best < 0) {
                reason = "no examples";
            } else if (tokens < settings.minTokens()) {
                reason = String.format(java.util.Locale.ROOT, "sentence has %d token(s), fewer than %d", tokens, settings.minTokens());
            } else if (score < c.threshold()) {
                reason = String.format(java.util.Locale.ROOT, "%s %.3f below the threshold %.3f", what, score, c.threshold());
            } else if (!matches) {
                reason = String.format(java.util.Locale.ROOT, "nearer a %s (%.3f) than to the cause's nearest example (%.3f)",
                        linear != null ? "counter-example or background sentence" : "counter-example", counterSimilarity, similarity);
            } else {
                reason = String.format(java.util.Locale.ROOT, "%s %.3f reaches the threshold %.3f", what, score, c.threshold());
            }
            scores.add(new Score(c.cause().id(), best < 0 ? null : c.anchors().get(best), similarity,
                    counterText, counterSimilarity, probability,
                    c.threshold(), matches, reason));
        }
        return scores;
    }

    /**
     * The semantic layer's rule: a model match needs {@code minTokens} and, with a trained head, only the
     * probability at the threshold. Otherwise it needs the score (probability for the linear rule,
     * similarity for the nearest-example rule) at the threshold, and the cause's nearest example nearer than the
     * nearest negative by more than the margin. The nearest negative is the cause's nearest counter-example for the
     * nearest-example rule, and the nearest of all counter-examples and background sentences for the linear rule:
     * "the agent was not rude" sits next to a counter-example, so no people cause fires on it.
     */
    public static boolean matches(double similarity, double counterSimilarity, double probability, int tokens,
                                  double threshold, SemanticSettings settings) {
        if (tokens < settings.minTokens()) {
            return false;
        }
        if (settings.decision() == SemanticSettings.Decision.HEAD) {
            return probability >= threshold;
        }
        double score = settings.decision() == SemanticSettings.Decision.LINEAR ? probability : similarity;
        return score >= threshold && (counterSimilarity < 0 || similarity > counterSimilarity + settings.margin());
    }

    private static int nearest(float[] v, float[][] candidates) {
        int best = -1;
        double bestSimilarity = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.length; i++) {
            double s = SentenceEmbedder.cosine(v, candidates[i]);
            if (s > bestSimilarity) {
                bestSimilarity = s;
                best = i;
            }
        }
        return best;
    }

    /**
     * The taxonomy's own sentences, embedded on all cores (for {@code explain} and the evaluations, the first task of an
     * executor builds the matcher while the JVM's other task threads wait), each distinct text once; returns a lookup
     * from a list of them to their vectors.
     */
    private static Function<List<String>, float[][]> vectorsOf(java.util.Set<String> sentences, Function<String, float[]> embed) {
        List<String> texts = List.copyOf(sentences);
        float[][] vectors = texts.parallelStream().map(embed).toArray(float[][]::new);
        Map<String, float[]> byText = new java.util.HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            byText.put(texts.get(i), vectors[i]);
        }
        return list -> list.stream().map(byText::get).toArray(float[][]::new);
    }
}
