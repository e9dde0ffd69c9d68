package rootcause.evaluation.causes;

import rootcause.evaluation.EvaluationCorpus;
import rootcause.evaluation.HumanSentiment;
import rootcause.ingest.InputSpec;
import rootcause.io.Storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code evaluate-taxonomy --airline-negatives} prints: for each file of the airline inputs, the tweets its human
 * {@code airline_sentiment} label calls negative and the share of them that get no cause. Runs on the driver; an
 * evaluation tool, so the labels are read from local files.
 */
public final class AirlineNegatives {
    private AirlineNegatives() {}

    /** One airline export file: its name, its negative tweets among the corpus, and the share of them with no cause. */
    public record Share(String file, int negatives, double unclassified) {}

    /** One share per file of every {@code airline} input, in input and file order; other inputs are left out. */
    public static List<Share> of(TaxonomyEvaluation evaluation, Map<String, EvaluationCorpus.Complaint> corpus,
                                 List<InputSpec> inputs) {
        List<Share> shares = new ArrayList<>();
        for (InputSpec input : inputs) {
            if (!input.profile().name().equals("airline")) {
                continue;
            }
            for (org.apache.hadoop.fs.Path file : input.files(Storage.local())) {
                Map<String, String> human = HumanSentiment.read(Storage.localFile(file), "tweet_id", "airline_sentiment");
                List<EvaluationCorpus.Complaint> negative = corpus.values().stream()
                        .filter(c -> c.source().equals("airline") && "negative".equals(human.get(c.id()))).toList();
                shares.add(new Share(file.getName(), negative.size(), evaluation.unclassifiedShare(evaluation.analyse(negative))));
            }
        }
        return shares;
    }
}
