package rootcause.classify;

import java.io.Serializable;

/**
 * A model match of one sentence: the semantic layer found the cause there.
 *
 * @param causeId        the cause
 * @param score          cosine similarity of the sentence to the cause's nearest example
 * @param nearestExample that example
 */
public record ModelHit(String causeId, double score, String nearestExample) implements Serializable {
}
