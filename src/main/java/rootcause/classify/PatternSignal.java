package rootcause.classify;

import rootcause.model.SentenceAnalysis;
import rootcause.sentiment.Negation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The patterns signal: the taxonomy's lemma patterns ({@link LemmaPattern}) on one sentence at a time, negation
 * aware. Fitting compiles the patterns. Pure; executors compile them once per JVM ({@link #shared}).
 *
 * <p>Negation: a pattern that contains no negation word is suppressed when a negation cue ({@link #CUES})
 * stands within {@value #NEGATION_WINDOW} lemmas before the match, in the same clause, or inside a gap of the
 * match. So "the agent was not rude" is not rudeness. A pattern that itself contains a cue ("nobody call * back",
 * "never hear back") states an absence and is never suppressed. Intensifiers cancel a cue: "never been so rude"
 * is rudeness.
 */
public final class PatternSignal implements CauseSignal, Serializable {
    private static final long serialVersionUID = 1L;
    /** The signal's name, in {@code matched_by}. */
    public static final String NAME = rootcause.model.Evidence.PATTERN;
    /** Lemmas that negate what follows ("n't" is read as "not"); shared with the sentiment layer. */
    public static final Set<String> CUES = Negation.CUES;
    /** How many lemmas before a match are searched for a negation cue. */
    public static final int NEGATION_WINDOW = 3;
    /** Lemmas that end the clause a cue can negate from. */
    private static final Set<String> CLAUSE_BREAKS =
            Set.of(",", ";", ":", ".", "!", "?", "--", "-lrb-", "-rrb-", "but", "although", "though", "however", "and");
    /** Lemmas after a cue that turn it into an intensifier or a fixed phrase ("never been so", "not only", "no matter"). */
    private static final Set<String> CUE_CANCELLERS = Set.of("so", "such", "more", "worse", "only", "matter", "doubt");

    private static final Map<Taxonomy, PatternSignal> SHARED = new ConcurrentHashMap<>();

    private final List<CompiledCause> causes;

    private record CompiledCause(Cause cause, List<LemmaPattern> patterns, List<Boolean> negated) implements Serializable {
    }

    /**
     * One place a pattern matched in a sentence.
     *
     * @param causeId      the cause
     * @param pattern      the pattern
     * @param matchedText  the matched lemmas, gaps included
     * @param suppressedBy the negation cue that suppressed it, or null when the match counts
     */
    public record Hit(String causeId, String pattern, String matchedText, String suppressedBy) {
        public boolean counts() {
            return suppressedBy == null;
        }
    }

    /** Fits the patterns signal: compiles every cause's patterns. */
    public static final class Approach implements SignalApproach {
        @Override
        public String signal() {
            return NAME;
        }

        @Override
        public boolean readsVectors() {
            return false;
        }

        @Override
        public Set<String> sentencesToEmbed(Taxonomy taxonomy) {
            return Set.of();
        }

        @Override
        public CauseSignal fit(Taxonomy taxonomy, Function<String, float[]> embed) {
            return shared(taxonomy);
        }
    }

    public PatternSignal(Taxonomy taxonomy) {
        List<CompiledCause> compiled = new ArrayList<>();
        for (Cause c : taxonomy.causes()) {
            List<LemmaPattern> patterns = c.patterns().stream().map(LemmaPattern::parse).toList();
            List<Boolean> negated = patterns.stream()
                    .map(p -> p.words().stream().anyMatch(CUES::contains)).toList();
            compiled.add(new CompiledCause(c, patterns, negated));
        }
        this.causes = List.copyOf(compiled);
    }

    /** The one patterns signal for this taxonomy in this JVM: executors compile the patterns once, not per task. */
    public static PatternSignal shared(Taxonomy taxonomy) {
        return SHARED.computeIfAbsent(taxonomy, PatternSignal::new);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String missLabel() {
        return "suppressed";
    }

    /** The pattern hits of a sentence: the ones that count fire, the suppressed ones say which cue negated them. */
    @Override
    public List<SignalHit> judge(SentenceAnalysis sentence, float[] vector) {
        List<SignalHit> judged = new ArrayList<>();
        for (Hit h : hits(sentence.lemmas())) {
            judged.add(new SignalHit(NAME, h.causeId(), sentence.index(), h.counts(), null, h.pattern(), h.matchedText(),
                    h.counts() ? null : "is negated by \"" + h.suppressedBy() + "\""));
        }
        return judged;
    }

    /**
     * Every pattern hit in one sentence's lemmas, suppressed ones included: per cause and pattern the first
     * hit that counts, or the first suppressed one when none counts.
     */
    public List<Hit> hits(List<String> rawLemmas) {
        List<String> lemmas = Negation.normalise(rawLemmas);
        List<Hit> hits = new ArrayList<>();
        for (CompiledCause c : causes) {
            for (int k = 0; k < c.patterns().size(); k++) {
                LemmaPattern pattern = c.patterns().get(k);
                Hit suppressed = null;
                Hit counted = null;
                for (LemmaPattern.Span span = pattern.find(lemmas, 0); span != null;
                     span = pattern.find(lemmas, span.begin() + 1)) {
                    String text = String.join(" ", lemmas.subList(span.begin(), span.end()));
                    String cue = c.negated().get(k) ? null : negationCue(lemmas, span);
                    if (cue == null) {
                        counted = new Hit(c.cause().id(), pattern.source(), text, null);
                        break;
                    }
                    if (suppressed == null) {
                        suppressed = new Hit(c.cause().id(), pattern.source(), text, cue);
                    }
                }
                if (counted != null) {
                    hits.add(counted);
                } else if (suppressed != null) {
                    hits.add(suppressed);
                }
            }
        }
        return hits;
    }

    /** The cue negating this match, or null. */
    static String negationCue(List<String> lemmas, LemmaPattern.Span span) {
        Set<Integer> own = new LinkedHashSet<>(span.wordPositions());
        for (int i = span.begin(); i < span.end(); i++) {
            if (!own.contains(i) && CUES.contains(lemmas.get(i)) && !cancelled(lemmas, i, span.begin())) {
                return lemmas.get(i);
            }
        }
        for (int i = span.begin() - 1; i >= Math.max(0, span.begin() - NEGATION_WINDOW); i--) {
            String lemma = lemmas.get(i);
            if (CLAUSE_BREAKS.contains(lemma)) {
                return null;
            }
            if (CUES.contains(lemma) && !cancelled(lemmas, i, span.begin())) {
                return lemma;
            }
        }
        return null;
    }

    /** True when a word between the cue and the match start makes the cue an intensifier ("never been so"). */
    private static boolean cancelled(List<String> lemmas, int cue, int matchBegin) {
        int end = Math.max(matchBegin, cue + 1);
        for (int i = cue + 1; i < Math.min(end, lemmas.size()); i++) {
            if (CUE_CANCELLERS.contains(lemmas.get(i))) {
                return true;
            }
        }
        return false;
    }
}
