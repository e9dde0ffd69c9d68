package rootcause.classify;

import rootcause.embed.Encoder;

import java.io.Serializable;
import java.util.List;

/**
 * How the semantic layer decides, from the taxonomy's {@code semantic:} block.
 *
 * <ul>
 *   <li>{@link Decision#LINEAR}: a logistic regression per cause over sentence embeddings, trained when the
 *   taxonomy is loaded on its own sentences (a cause's examples are positives; the other causes' examples, its
 *   counter-examples and the background sentences are negatives). A sentence is a model match when the
 *   probability reaches the threshold.</li>
 *   <li>{@link Decision#HEAD}: a trained linear head per cause over the sentence vectors of the
 *   {@link #encoder}, shipped as data beside the taxonomy ({@code semantic.head}) and never retrained at run time
 *   (the fine-tuned cause encoder and its head are trained together, {@code training/}). A sentence is a model match
 *   when the probability reaches the threshold; no nearest-negative veto (the model learned its negatives).</li>
 *   <li>{@link Decision#NEAREST_EXAMPLE}: a sentence is a model match when its cosine similarity to the cause's
 *   nearest example reaches the threshold and exceeds its similarity to the nearest counter-example by more
 *   than {@link #margin}.</li>
 * </ul>
 *
 * @param decision   which rule decides
 * @param threshold  default probability (linear) or similarity (nearest example) a model match needs
 * @param margin     nearest example only: how much nearer an example than any counter-example the sentence must be
 * @param minTokens  sentences with fewer tokens are never model matches ("Thanks!", "@user ?"): too little meaning
 * @param background sentences that show no cause: negatives for every cause when training the linear rule
 * @param training   labelled sentences the linear rule also trains on (written by {@code train-causes})
 * @param encoder    the sentence encoder the layer embeds with
 * @param head       the trained head ({@link Decision#HEAD} only, else null)
 * @param confirm    how the patterns and the model combine: 0 is the union (a pattern's match counts alone);
 *                   above 0 ({@link Decision#HEAD} only), a pattern's match counts only where the model gives that
 *                   cause at least this probability in the same sentence, so the model vetoes a pattern's misfire on
 *                   an idiom ("I am not working right now") while the model's own matches still need the threshold
 */
public record SemanticSettings(Decision decision, double threshold, double margin, int minTokens,
                               List<String> background, List<TrainingSentence> training, Encoder encoder,
                               LinearCauseModel head, double confirm) implements Serializable {
    public SemanticSettings {
        background = List.copyOf(background);
        training = List.copyOf(training);
    }

    /** Settings on the base encoder without a trained head. */
    public SemanticSettings(Decision decision, double threshold, double margin, int minTokens,
                            List<String> background, List<TrainingSentence> training) {
        this(decision, threshold, margin, minTokens, background, training, Encoder.BASE, null, 0.0);
    }

    /** The rule a model match follows. */
    public enum Decision {
        LINEAR("linear"), HEAD("head"), NEAREST_EXAMPLE("nearest_example");

        private final String yaml;

        Decision(String yaml) {
            this.yaml = yaml;
        }

        /** The value in the taxonomy file. */
        public String yaml() {
            return yaml;
        }

        /** The decision named in the file, or null. */
        public static Decision of(String yaml) {
            for (Decision d : values()) {
                if (d.yaml.equals(yaml)) {
                    return d;
                }
            }
            return null;
        }
    }

    /** These settings with another rule and threshold (for sweeps). */
    public SemanticSettings with(Decision decision, double threshold, double margin) {
        return new SemanticSettings(decision, threshold, margin, minTokens, background, training, encoder, head, confirm);
    }

    /** These settings with another pattern confirmation (0: the union). */
    public SemanticSettings withConfirm(double newConfirm) {
        return new SemanticSettings(decision, threshold, margin, minTokens, background, training, encoder, head, newConfirm);
    }

    /** These settings with more labelled training sentences. */
    public SemanticSettings withTraining(List<TrainingSentence> more) {
        List<TrainingSentence> all = new java.util.ArrayList<>(training);
        all.addAll(more);
        return new SemanticSettings(decision, threshold, margin, minTokens, background, all, encoder, head, confirm);
    }

    @Override
    public String toString() {
        return decision.yaml() + " on " + encoder.id() + " threshold " + threshold
                + (confirm > 0 ? ", patterns confirmed at " + confirm : "") + (decision == Decision.NEAREST_EXAMPLE ? " margin " + margin : "")
                + ", min " + minTokens + " tokens, " + background.size() + " background and " + training.size()
                + " labelled training sentences";
    }
}
