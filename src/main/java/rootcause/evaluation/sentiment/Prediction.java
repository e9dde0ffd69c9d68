package rootcause.evaluation.sentiment;

import rootcause.sentiment.Polarity;

/**
 * What the pipeline said about one labelled text. Pure.
 *
 * @param id        the text's id
 * @param gold      the human label
 * @param predicted the pipeline's label collapsed to three classes
 * @param detail    the raw prediction: sentence class 0-4 (SST) or document label and score (tweets)
 * @param sentences sentences CoreNLP found in the text
 */
public record Prediction(String id, Polarity gold, Polarity predicted, String detail, int sentences) {

    /** A tab-separated line: id, gold, predicted, detail. */
    public String toTsv() {
        return id + "\t" + gold.lowerName() + "\t" + predicted.lowerName() + "\t" + detail;
    }
}
