package rootcause.train;

import rootcause.classify.CauseMatcher;
import rootcause.classify.ExampleMatcher;
import rootcause.classify.Taxonomy;
import rootcause.classify.TrainingSentence;
import rootcause.evaluate.ScoredComplaint;
import rootcause.model.CauseMatch;
import rootcause.model.Evidence;
import rootcause.model.SentenceAnalysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns labelled complaints into labelled sentences for the semantic layer's linear rule. Labels are per complaint,
 * the rule is per sentence, so: for each cause a complaint is labelled with, the sentences a pattern of the cause
 * matched (or else the one sentence the current rule scores highest) show it, and its other sentences are unknown
 * for it; every sentence of a complaint not labelled with a cause is a negative for that cause (the labelling
 * rule is to label every cause the text evidences). Pure.
 */
public final class CauseTrainer {
    private CauseTrainer() {}

    /** The labelled sentences of these complaints (scored by the base taxonomy's semantic layer). */
    public static List<TrainingSentence> sentences(List<ScoredComplaint> complaints, Map<String, Set<String>> labels,
                                                   CauseMatcher patterns) {
        List<TrainingSentence> out = new ArrayList<>();
        for (ScoredComplaint c : complaints) {
            Set<String> gold = labels.get(c.complaint().key());
            List<SentenceAnalysis> sentences = c.sentences();
            List<Set<String>> shows = new ArrayList<>();
            List<Set<String>> unknown = new ArrayList<>();
            for (int i = 0; i < sentences.size(); i++) {
                shows.add(new LinkedHashSet<>());
                unknown.add(new LinkedHashSet<>());
            }
            List<CauseMatch> byPatterns = patterns.match(sentences);
            for (String cause : gold) {
                Set<Integer> evidencing = new LinkedHashSet<>();
                byPatterns.stream().filter(m -> m.causeId().equals(cause)).flatMap(m -> m.evidence().stream())
                        .filter(e -> Evidence.PATTERN.equals(e.matchedBy())).forEach(e -> evidencing.add(position(sentences, e.sentenceIndex())));
                if (evidencing.isEmpty()) {
                    int best = bestSentence(c, cause);
                    if (best >= 0) {
                        evidencing.add(best);
                    }
                }
                for (int i = 0; i < sentences.size(); i++) {
                    (evidencing.contains(i) ? shows : unknown).get(i).add(cause);
                }
            }
            for (int i = 0; i < sentences.size(); i++) {
                String text = sentences.get(i).text();
                if (text != null && !text.isBlank()) {
                    out.add(new TrainingSentence(text, List.copyOf(shows.get(i)), List.copyOf(unknown.get(i))));
                }
            }
        }
        return out;
    }

    /** The labelled sentences of these complaints, and the base taxonomy plus them. */
    public static Taxonomy train(Taxonomy base, String version, List<ScoredComplaint> complaints,
                                 Map<String, Set<String>> labels) {
        return base.withTraining(version, sentences(complaints, labels, CauseMatcher.shared(base)));
    }

    private static int position(List<SentenceAnalysis> sentences, int sentenceIndex) {
        for (int i = 0; i < sentences.size(); i++) {
            if (sentences.get(i).index() == sentenceIndex) {
                return i;
            }
        }
        return -1;
    }

    /** The position of the sentence the current semantic layer scores highest for the cause, or -1. */
    private static int bestSentence(ScoredComplaint c, String cause) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.scores().size(); i++) {
            for (ExampleMatcher.Score s : c.scores().get(i)) {
                if (s.causeId().equals(cause) && s.score() > bestScore) {
                    bestScore = s.score();
                    best = i;
                }
            }
        }
        return best;
    }
}
