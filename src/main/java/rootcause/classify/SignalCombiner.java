package rootcause.classify;

import rootcause.model.CauseMatch;
import rootcause.model.Evidence;
import rootcause.model.SentenceAnalysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the signals' hits become a complaint's causes: the one place the combination rule lives, for the job, the
 * evaluations and {@code explain}. The taxonomy declares it ({@link #of}): the union of the signals, or, with
 * {@code semantic.confirm_patterns} above 0, the union where the model must confirm a pattern's hit.
 *
 * <p>Per sentence, the signals' hits are taken in the taxonomy's signal order (patterns first: the explainable
 * evidence). A hit that fires counts unless an earlier signal already found its cause in that sentence, or it needs
 * a confirmation it does not get: under confirmation, a hit of the {@link #confirmed} signal counts only where the
 * {@link #confirming} signal gives the same cause at least {@link #confirm} in the same sentence (sentences under
 * {@link #minTokens} tokens, which the model does not judge, keep their hits). A fallback cause counts only when no
 * other cause does. A cause's sentiment is the mean polarity of its distinct evidencing sentences. Pure.
 *
 * @param causes     the taxonomy's causes, in taxonomy order
 * @param signals    the signals' names in the order their hits are taken
 * @param confirmed  the signal whose hits need confirming (patterns)
 * @param confirming the signal that confirms them (the model)
 * @param confirm    the score the confirming signal must give; 0 is the union
 * @param minTokens  sentences with fewer tokens need no confirmation
 */
public record SignalCombiner(List<Cause> causes, List<String> signals, String confirmed, String confirming,
                             double confirm, int minTokens) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SignalCombiner {
        causes = List.copyOf(causes);
        signals = List.copyOf(signals);
    }

    /**
     * What the combination made of one hit that fired.
     *
     * @param hit    the hit
     * @param counts true when it is evidence of its cause
     * @param label  what happened to it when it does not count ("not confirmed", "already found")
     * @param why    why it does not count, in words; null when it counts
     */
    public record Verdict(SignalHit hit, boolean counts, String label, String why) {
    }

    /**
     * A complaint's causes and how they came about.
     *
     * @param matches           the causes in taxonomy order, each with its evidence and sentiment
     * @param verdicts          every hit that fired, in the order taken, and whether it counted
     * @param droppedFallbacks  fallback causes that had evidence but gave way to another cause
     */
    public record Combination(List<CauseMatch> matches, List<Verdict> verdicts, List<String> droppedFallbacks) {
    }

    /** The combination the taxonomy declares, over the signals it runs ({@link CauseSignals#names}). */
    public static SignalCombiner of(Taxonomy taxonomy) {
        SemanticSettings semantic = taxonomy.semantic();
        return new SignalCombiner(taxonomy.causes(), CauseSignals.names(taxonomy), PatternSignal.NAME, ExampleMatcher.NAME,
                semantic == null ? 0.0 : semantic.confirm(), semantic == null ? 0 : semantic.minTokens());
    }

    /**
     * True when the combination can use this judgement: it fires, or it may confirm another signal's hit. What the
     * job keeps of a signal it applied apart (per distinct sentence) for {@link #combine}.
     */
    public boolean uses(SignalHit judgement) {
        return judgement.fires() || confirm > 0 && judgement.signal().equals(confirming) && judgement.scoreOrLowest() >= confirm;
    }

    /** The rule in words, for {@code explain}. */
    public String describe() {
        return confirm > 0 ? String.format(Locale.ROOT, "the union, where the %s must give a %s hit's cause at least %.2f",
                confirming, confirmed, confirm) : "the union";
    }

    /** The causes of one complaint from its sentences and every signal's judgements of them (by sentence index). */
    public Combination combine(List<SentenceAnalysis> sentences, Map<Integer, List<SignalHit>> judgements) {
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        for (Cause c : causes) {
            evidence.put(c.id(), new ArrayList<>());
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (SentenceAnalysis s : sentences) {
            List<SignalHit> judged = judgements.getOrDefault(s.index(), List.of());
            // cause -> the signal that found it first in this sentence
            Map<String, String> foundBy = new LinkedHashMap<>();
            for (String signal : ordered(judged)) {
                Set<String> foundNow = new LinkedHashSet<>();
                for (SignalHit hit : judged) {
                    if (!hit.signal().equals(signal) || !hit.fires() || !evidence.containsKey(hit.causeId())) {
                        continue;
                    }
                    String earlier = foundBy.get(hit.causeId());
                    if (earlier != null) {
                        verdicts.add(new Verdict(hit, false, "already found", "the " + earlier + " signal found the cause in this sentence"));
                    } else if (!confirmed(hit, s, judged)) {
                        verdicts.add(new Verdict(hit, false, "not confirmed", String.format(Locale.ROOT,
                                "the %s gives the cause less than %.2f here", confirming, confirm)));
                    } else {
                        evidence.get(hit.causeId()).add(new Evidence(hit.phrase(),
                                hit.matchedText() == null ? s.text() : hit.matchedText(), s.index(), s.text(),
                                s.sentiment(), s.polarity(), hit.signal(), hit.score()));
                        verdicts.add(new Verdict(hit, true, null, null));
                        foundNow.add(hit.causeId());
                    }
                }
                foundNow.forEach(c -> foundBy.putIfAbsent(c, signal));
            }
        }
        boolean anyRegular = causes.stream().anyMatch(c -> !c.fallback() && !evidence.get(c.id()).isEmpty());
        List<CauseMatch> matches = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (Cause c : causes) {
            List<Evidence> ev = evidence.get(c.id());
            if (ev.isEmpty()) {
                continue;
            }
            if (c.fallback() && anyRegular) {
                dropped.add(c.id());
            } else {
                matches.add(new CauseMatch(c.id(), c.group(), sentiment(ev), List.copyOf(ev)));
            }
        }
        return new Combination(matches, verdicts, dropped);
    }

    /** The signals judging this sentence, in the declared order (a signal the taxonomy does not list comes last). */
    private List<String> ordered(List<SignalHit> judged) {
        Set<String> order = new LinkedHashSet<>(signals);
        judged.forEach(h -> order.add(h.signal()));
        return List.copyOf(order);
    }

    /** True when the hit needs no confirmation here, or gets it. */
    private boolean confirmed(SignalHit hit, SentenceAnalysis s, List<SignalHit> judged) {
        if (confirm <= 0 || !hit.signal().equals(confirmed) || s.tokenEnd() - s.tokenBegin() < minTokens) {
            return true;
        }
        return judged.stream().anyMatch(h -> h.signal().equals(confirming) && h.causeId().equals(hit.causeId())
                && h.scoreOrLowest() >= confirm);
    }

    /** Mean polarity (the nlp stage's sentiment layer, in [-1, 1]) of the distinct evidencing sentences; 0 when none. */
    static double sentiment(List<Evidence> evidence) {
        Set<Integer> seen = new LinkedHashSet<>();
        double sum = 0;
        int n = 0;
        for (Evidence e : evidence) {
            if (seen.add(e.sentenceIndex())) {
                sum += e.sentencePolarity();
                n++;
            }
        }
        return n == 0 ? 0.0 : sum / n;
    }
}
