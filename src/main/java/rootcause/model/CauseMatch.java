package rootcause.model;

import java.io.Serializable;
import java.util.List;

/**
 * One root cause found in one complaint, with its evidence.
 *
 * @param causeId    taxonomy id of the cause
 * @param causeGroup taxonomy group id of the cause
 * @param sentiment  mean sentiment of the evidencing sentences mapped to [-1, 1]; 0 when none is known
 * @param evidence   the matches, one per evidencing sentence and pattern or model
 */
public record CauseMatch(String causeId, String causeGroup, double sentiment, List<Evidence> evidence)
        implements Serializable {
    /** Field names of the cause struct in {@code causes} (the classify stage's output). */
    public static final String CAUSE_ID = "cause_id";
    public static final String CAUSE_GROUP = "cause_group";
    public static final String SENTIMENT = "sentiment";
    /** {@link #matchedBy()}. */
    public static final String MATCHED_BY = Evidence.MATCHED_BY;
    public static final String EVIDENCE = "evidence";

    /** {@link Evidence#PATTERN} when any pattern found the cause (patterns are the explainable signal), else {@link Evidence#MODEL}. */
    public String matchedBy() {
        return evidence.stream().anyMatch(e -> Evidence.PATTERN.equals(e.matchedBy())) ? Evidence.PATTERN : Evidence.MODEL;
    }
}
