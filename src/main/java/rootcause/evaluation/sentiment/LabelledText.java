package rootcause.evaluation.sentiment;

import rootcause.sentiment.Polarity;

/**
 * One human-labelled text of an evaluation set. Pure.
 *
 * @param id   the text's id in its file (SST: 1-based line number; airline: tweet_id)
 * @param text the text
 * @param gold the human label
 */
public record LabelledText(String id, String text, Polarity gold) {
}
