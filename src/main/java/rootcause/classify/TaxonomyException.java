package rootcause.classify;

import java.util.List;

/** A taxonomy file that cannot be used, with every problem found in it. */
public final class TaxonomyException extends RuntimeException {
    private final List<String> problems;

    public TaxonomyException(String source, List<String> problems) {
        super("taxonomy " + source + " has " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as "file: key path: what is wrong". */
    public List<String> problems() {
        return problems;
    }
}
