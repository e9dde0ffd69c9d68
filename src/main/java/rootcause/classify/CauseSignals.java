package rootcause.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The signals a taxonomy runs, in the order the {@link SignalCombiner} takes their hits: its patterns, then, with a
 * {@code semantic:} block, the model its {@code decision} names (the example layer, {@code linear} or
 * {@code nearest_example}, or the trained {@code head}). A new signal is one {@link SignalApproach} and one line here.
 */
public final class CauseSignals {
    private CauseSignals() {}

    /** The approaches that fit the taxonomy's signals, in order. */
    public static List<SignalApproach> approaches(Taxonomy taxonomy) {
        List<SignalApproach> approaches = new ArrayList<>();
        approaches.add(new PatternSignal.Approach());
        if (taxonomy.hasSemanticLayer()) {
            approaches.add(taxonomy.semantic().decision() == SemanticSettings.Decision.HEAD
                    ? new ExampleMatcher.HeadApproach() : new ExampleMatcher.ExampleApproach());
        }
        return approaches;
    }

    /** The names of the taxonomy's signals, in order. */
    public static List<String> names(Taxonomy taxonomy) {
        return approaches(taxonomy).stream().map(SignalApproach::signal).toList();
    }
}
