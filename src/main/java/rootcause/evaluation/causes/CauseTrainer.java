package rootcause.evaluation.causes;

import rootcause.classify.CauseMatcher;
import rootcause.classify.CauseSignal;
import rootcause.classify.ExampleMatcher;
import rootcause.classify.SignalHit;
import rootcause.classify.Taxonomy;
import rootcause.classify.TrainingSentence;
import rootcause.model.SentenceAnalysis;

import java.util.ArrayList;
import java.util.HashMap;
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
            Map<String, Set<Integer>> byPatterns = patternPositions(sentences, patterns);
            for (String cause : gold) {
                Set<Integer> evidencing = new LinkedHashSet<>(byPatterns.getOrDefault(cause, Set.of()));
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

    /**
     * Per cause, the positions of the sentences where a pattern fires. Asked of the pattern signal itself, not of the
     * combination: a taxonomy whose model confirms patterns would otherwise drop every pattern hit here, where no
     * model judgement is at hand, and the evidence would always fall back to {@link #bestSentence}.
     */
    private static Map<String, Set<Integer>> patternPositions(List<SentenceAnalysis> sentences, CauseMatcher patterns) {
        Map<String, Set<Integer>> positions = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            for (CauseSignal signal : patterns.signals()) {
                for (SignalHit hit : signal.judge(sentences.get(i), null)) {
                    if (hit.fires()) {
                        positions.computeIfAbsent(hit.causeId(), k -> new LinkedHashSet<>()).add(i);
                    }
                }
            }
        }
        return positions;
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
