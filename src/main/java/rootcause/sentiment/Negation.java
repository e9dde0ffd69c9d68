package rootcause.sentiment;

import java.util.List;
import java.util.Set;

/** The negation cues every stage reads lemmas with. Pure. */
public final class Negation {
    private Negation() {}

    /** Lemmas that negate what follows ("n't" is read as "not", see {@link #normalise}). */
    public static final Set<String> CUES =
            Set.of("not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without", "cannot", "noone");

    /** The lemmas with CoreNLP's "n't" (and a bare "nt") read as "not". */
    public static List<String> normalise(List<String> lemmas) {
        return lemmas.stream().map(l -> l.equals("n't") || l.equals("nt") ? "not" : l).toList();
    }
}
