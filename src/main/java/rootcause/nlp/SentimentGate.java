package rootcause.nlp;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.sentiment.SentimentCostAndGradient;
import edu.stanford.nlp.sentiment.SentimentModel;
import edu.stanford.nlp.trees.LabeledScoredTreeFactory;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeFactory;
import rootcause.sentiment.Negation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which sentences CoreNLP's sentiment model (the RNTN) could read sentiment in, so only those are parsed.
 *
 * <p>The RNTN scores a leaf from its word alone. A sentence none of whose words has a non-neutral leaf, and with no
 * negation cue, and which the same RNTN over a right-branching tree of its tokens calls neutral with some
 * certainty ("Order 12345 was placed on 2019-03-04."), is not parsed: it keeps that unparsed tree's class and five
 * root probabilities (the polarity layer reads them), which cost microseconds. Thread-safe after construction;
 * built once per analyzer.
 */
final class SentimentGate {
    private static final int NEUTRAL = 2;

    private final SentimentModel model;
    /** Vocabulary keys ({@link SentimentModel#getVocabWord}) whose leaf class is not neutral. */
    private final Set<String> sentimentWords;

    SentimentGate(SentimentModel model) {
        this.model = model;
        Set<String> words = new HashSet<>();
        SentimentCostAndGradient scorer = new SentimentCostAndGradient(model, null);
        for (String word : model.wordVectors.keySet()) {
            Tree leaf = preterminal(word, "X");
            scorer.forwardPropagateTree(leaf);
            // The leaf's class, not a threshold on its neutral probability: counting the less certain leaves too
            // ("brave" 0.97 neutral, the unknown word 0.62) keeps SST within 0.2 points but leaves under 2 % of
            // the tokens unparsed, nothing to gain (docs/EVALUATION.md, "Parsing only what sentiment needs").
            if (RNNCoreAnnotations.getPredictedClass(leaf) != NEUTRAL) words.add(word);
        }
        this.sentimentWords = Set.copyOf(words);
    }

    static SentimentGate load(String sentimentModelResource) {
        return new SentimentGate(SentimentModel.loadSerialized(sentimentModelResource));
    }

    /** Vocabulary words whose leaf the RNTN does not call neutral (the unknown word's leaf is neutral). */
    Set<String> sentimentWords() {
        return sentimentWords;
    }

    /** True when the sentence has a word with a non-neutral leaf or a negation cue: its parse can matter. */
    boolean needsParse(List<CoreLabel> tokens) {
        for (CoreLabel token : tokens) {
            String word = token.word();
            if (sentimentWords.contains(model.getVocabWord(word))) return true;
            String lower = word.toLowerCase(Locale.ROOT);
            if (Negation.CUES.contains(lower) || lower.equals("n't") || lower.equals("nt")) return true;
        }
        return false;
    }

    /**
     * Skip only when the RNTN over the unparsed tree gives the root at least this neutral probability. Neutral leaves
     * can still compose to a non-neutral root ("… is stuck trying to light a fire with soggy leaves"): trusting the
     * leaves alone cost SST 1.05 points, 0.6 keeps it within 0.2 (docs/EVALUATION.md).
     */
    static final double SURE_NEUTRAL_ROOT = 0.6;

    /**
     * The sentence's sentiment tree without a parse, or null when it must be parsed: it has a word with a
     * non-neutral leaf or a negation, or the RNTN over the unparsed tree is not sure enough it is neutral.
     */
    Tree withoutParse(List<CoreLabel> tokens) {
        if (needsParse(tokens)) return null;
        Tree tree = unparsedSentimentTree(tokens);
        return RNNCoreAnnotations.getPredictions(tree).get(NEUTRAL) >= SURE_NEUTRAL_ROOT ? tree : null;
    }

    /** The RNTN over a right-branching binary tree of the tokens (tags as labels): a sentiment tree without a parse. */
    Tree unparsedSentimentTree(List<CoreLabel> tokens) {
        TreeFactory tf = new LabeledScoredTreeFactory(CoreLabel.factory());
        Tree tree = null;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            CoreLabel token = tokens.get(i);
            Tree leaf = preterminal(token.word(), token.tag() == null ? "X" : token.tag());
            tree = tree == null ? leaf : tf.newTreeNode(label("X"), List.of(leaf, tree));
        }
        new SentimentCostAndGradient(model, null).forwardPropagateTree(tree);
        return tree;
    }

    private static Tree preterminal(String word, String tag) {
        TreeFactory tf = new LabeledScoredTreeFactory(CoreLabel.factory());
        List<Tree> child = new ArrayList<>(1);
        child.add(tf.newLeaf(label(word)));
        return tf.newTreeNode(label(tag), child);
    }

    private static CoreLabel label(String value) {
        CoreLabel l = new CoreLabel();
        l.setValue(value);
        return l;
    }
}
