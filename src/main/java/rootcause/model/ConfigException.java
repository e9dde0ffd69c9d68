package rootcause.model;

import java.util.List;

/** A configuration file (profile, taxonomy) is invalid; the message lists every problem found, one per line. */
public class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(String what, List<String> problems) {
        super(what + " is invalid (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
