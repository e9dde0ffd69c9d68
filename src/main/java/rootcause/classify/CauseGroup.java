package rootcause.classify;

import java.io.Serializable;

/** A group of root causes, e.g. "People" or "Process and policy". */
public record CauseGroup(String id, String name) implements Serializable {
}
