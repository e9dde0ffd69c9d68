package rootcause.classify;

import java.io.Serializable;
import java.util.List;

/**
 * A labelled sentence the linear rule trains on, from the taxonomy's {@code training:} list (what
 * {@code train-causes} learns from an analyst's labelled complaints). It is a positive for the causes it shows,
 * unknown for the causes in {@code unknown}, and a negative for every other cause.
 *
 * @param text    the sentence (redacted, as the clean stage wrote it)
 * @param shows   causes the sentence shows
 * @param unknown causes it may or may not show (its complaint has them, evidenced by another sentence)
 */
public record TrainingSentence(String text, List<String> shows, List<String> unknown) implements Serializable {
    public TrainingSentence {
        shows = List.copyOf(shows);
        unknown = List.copyOf(unknown);
    }
}
