package rootcause.sentiment;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import rootcause.model.SentenceAnalysis;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The features the polarity layer reads a text by: a document (all its sentences) or one sentence. Pure.
 *
 * <ul>
 *   <li>{@link Family#RNTN}: CoreNLP's class probabilities, token-weighted over the sentences, plus the most negative
 *       and most positive sentence's mass, so one angry sentence in a calm complaint still counts.</li>
 *   <li>{@link Family#NGRAMS}: lemma unigrams and bigrams, present or not; after a negation cue every lemma up to the
 *       end of the clause is marked ({@code not_happy}), so "not happy" and "happy" are different words. Handles,
 *       links and numbers are folded into one token each.</li>
 *   <li>{@link Family#EMBEDDINGS}: the token-weighted mean of the sentences' all-MiniLM-L6-v2 embeddings (the semantic
 *       layer's model), 384 values.</li>
 * </ul>
 */
public final class PolarityFeatures {
    private PolarityFeatures() {}

    /** What a model may read. A model without {@link #RNTN} needs no parser. */
    public enum Family {
        RNTN, NGRAMS, EMBEDDINGS;

        public static Set<Family> parse(String commaSeparated) {
            Set<Family> out = EnumSet.noneOf(Family.class);
            for (String f : commaSeparated.split(",")) {
                if (!f.isBlank()) out.add(valueOf(f.trim().toUpperCase(Locale.ROOT)));
            }
            if (out.isEmpty()) throw new IllegalArgumentException("no feature family in '" + commaSeparated + "'");
            return out;
        }
    }

    static final String BIAS = "bias";
    private static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", ":", ".", "!", "?", "but", "-lrb-", "-rrb-");

    /** The features of a text made of these sentences; {@code embed} gives a sentence's embedding (EMBEDDINGS only). */
    public static Counter<String> of(List<SentenceAnalysis> sentences, Set<Family> families, Function<String, float[]> embed) {
        Counter<String> f = new ClassicCounter<>();
        f.setCount(BIAS, 1.0);
        if (families.contains(Family.RNTN)) {
            addRntn(sentences, f);
        }
        if (families.contains(Family.NGRAMS)) {
            for (SentenceAnalysis s : sentences) {
                addNgrams(s.lemmas(), f);
            }
        }
        if (families.contains(Family.EMBEDDINGS)) {
            addEmbeddings(sentences, embed, f);
        }
        return f;
    }

    private static void addEmbeddings(List<SentenceAnalysis> sentences, Function<String, float[]> embed, Counter<String> f) {
        double[] mean = null;
        double weight = 0;
        for (SentenceAnalysis s : sentences) {
            float[] e = embed.apply(s.text());
            if (mean == null) mean = new double[e.length];
            int w = Math.max(1, s.tokens());
            for (int i = 0; i < e.length; i++) mean[i] += w * e[i];
            weight += w;
        }
        if (mean == null) return;
        for (int i = 0; i < mean.length; i++) f.setCount("e" + i, mean[i] / weight);
    }

    private static void addRntn(List<SentenceAnalysis> sentences, Counter<String> f) {
        double[] mean = new double[5];
        double weight = 0;
        double mostNegative = 0;
        double mostPositive = 0;
        for (SentenceAnalysis s : sentences) {
            List<Double> p = s.sentimentProbabilities();
            if (p.size() != 5) continue;
            int w = Math.max(1, s.tokens());
            for (int k = 0; k < 5; k++) mean[k] += w * p.get(k);
            weight += w;
            mostNegative = Math.max(mostNegative, p.get(0) + p.get(1));
            mostPositive = Math.max(mostPositive, p.get(3) + p.get(4));
        }
        if (weight == 0) {
            f.setCount("rntn:unknown", 1.0);
            return;
        }
        for (int k = 0; k < 5; k++) f.setCount("rntn:p" + k, mean[k] / weight);
        f.setCount("rntn:most_negative", mostNegative);
        f.setCount("rntn:most_positive", mostPositive);
    }

    private static void addNgrams(List<String> rawLemmas, Counter<String> f) {
        List<String> lemmas = Negation.normalise(rawLemmas);
        String previous = "<s>";
        boolean negated = false;
        for (String raw : lemmas) {
            String token = fold(raw);
            if (CLAUSE_BREAKS.contains(token)) {
                negated = false;
            }
            String word = negated && !Negation.CUES.contains(token) ? "not_" + token : token;
            f.setCount("u:" + word, 1.0);
            f.setCount("b:" + previous + "_" + word, 1.0);
            previous = word;
            if (Negation.CUES.contains(token)) {
                negated = true;
            }
        }
        f.setCount("b:" + previous + "_</s>", 1.0);
    }

    /** One token for every handle, link and number: their identity carries no polarity. */
    static String fold(String lemma) {
        if (lemma.startsWith("@") && lemma.length() > 1) return "<handle>";
        if (lemma.startsWith("http") || lemma.startsWith("www.")) return "<link>";
        if (lemma.chars().anyMatch(Character::isDigit) && lemma.chars().noneMatch(Character::isLetter)) return "<number>";
        return lemma;
    }
}
