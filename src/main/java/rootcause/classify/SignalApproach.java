package rootcause.classify;

import java.util.Set;
import java.util.function.Function;

/**
 * How a {@link CauseSignal} is fitted, once, from a taxonomy's data and labels (patterns compiled, a linear rule
 * trained on the examples, a trained head read and adjusted to labelled sentences): the Approach of spark-nlp's
 * Approach → Model pairs. {@link CauseSignals} lists which approaches a taxonomy runs.
 */
public interface SignalApproach {
    /** The name of the signal it fits. */
    String signal();

    /** True when the signal judges sentence embeddings: the job then embeds every distinct sentence once for it. */
    boolean readsVectors();

    /** The taxonomy's own sentences the fit embeds (empty for a signal that reads no vectors). */
    Set<String> sentencesToEmbed(Taxonomy taxonomy);

    /** The fitted signal; {@code embed} gives the vector of each of {@link #sentencesToEmbed}. */
    CauseSignal fit(Taxonomy taxonomy, Function<String, float[]> embed);
}
