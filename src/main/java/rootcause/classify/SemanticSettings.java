package rootcause.classify;

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
 */
public record SemanticSettings(Decision decision, double threshold, double margin, int minTokens,
                               List<String> background, List<TrainingSentence> training) implements Serializable {
    public SemanticSettings {
        background = List.copyOf(background);
        training = List.copyOf(training);
    }

    /** The rule a model match follows. */
    public enum Decision {
        LINEAR("linear"), NEAREST_EXAMPLE("nearest_example");

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
        return new SemanticSettings(decision, threshold, margin, minTokens, background, training);
    }

    /** These settings with more labelled training sentences. */
    public SemanticSettings withTraining(List<TrainingSentence> more) {
        List<TrainingSentence> all = new java.util.ArrayList<>(training);
        all.addAll(more);
        return new SemanticSettings(decision, threshold, margin, minTokens, background, all);
    }

    @Override
    public String toString() {
        return decision.yaml() + " threshold " + threshold + (decision == Decision.NEAREST_EXAMPLE ? " margin " + margin : "")
                + ", min " + minTokens + " tokens, " + background.size() + " background and " + training.size()
                + " labelled training sentences";
    }
}
