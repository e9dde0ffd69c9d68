package rootcause.classify;

import rootcause.model.CauseMatch;
import rootcause.model.Columns;
import rootcause.model.Evidence;
import rootcause.model.SentenceAnalysis;
import rootcause.sentiment.Negation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the taxonomy's causes in a complaint's sentences, on lemmas, one sentence at a time, negation aware, and
 * merges in the semantic layer's model hits ({@link ExampleMatcher}).
 * Pure; runs on executors (one per JVM via {@link #shared}) and on the driver for {@code explain}.
 *
 * <p>Negation: a pattern that contains no negation word is suppressed when a negation cue ({@link #CUES})
 * stands within {@value #NEGATION_WINDOW} lemmas before the match, in the same clause, or inside a gap of the
 * match. So "the agent was not rude" is not rudeness. A pattern that itself contains a cue ("nobody call * back",
 * "never hear back") states an absence and is never suppressed. Intensifiers cancel a cue: "never been so rude"
 * is rudeness.
 */
public final class CauseMatcher {
    /** Lemmas that negate what follows ("n't" is read as "not"); shared with the sentiment layer. */
    public static final Set<String> CUES = Negation.CUES;
    /** How many lemmas before a match are searched for a negation cue. */
    public static final int NEGATION_WINDOW = 3;
    /** Lemmas that end the clause a cue can negate from. */
    private static final Set<String> CLAUSE_BREAKS =
            Set.of(",", ";", ":", ".", "!", "?", "--", "-lrb-", "-rrb-", "but", "although", "though", "however", "and");
    /** Lemmas after a cue that turn it into an intensifier or a fixed phrase ("never been so", "not only", "no matter"). */
    private static final Set<String> CUE_CANCELLERS = Set.of("so", "such", "more", "worse", "only", "matter", "doubt");

    private static final Map<Taxonomy, CauseMatcher> SHARED = new ConcurrentHashMap<>();

    private final Taxonomy taxonomy;
    private final List<CompiledCause> causes;
    /** Per cause, the probability a model hit needs to count alone; computed once, not per hit on the hot path. */
    private final Map<String, Double> modelThresholds;

    private record CompiledCause(Cause cause, List<LemmaPattern> patterns, List<Boolean> negated) {
    }

    /**
     * One place a pattern matched in a sentence.
     *
     * @param causeId     the cause
     * @param pattern     the pattern
     * @param matchedText the matched lemmas, gaps included
     * @param suppressedBy the negation cue that suppressed it, or null when the match counts
     */
    public record Hit(String causeId, String pattern, String matchedText, String suppressedBy) {
        public boolean counts() {
            return suppressedBy == null;
        }
    }

    public CauseMatcher(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        List<CompiledCause> compiled = new ArrayList<>();
        for (Cause c : taxonomy.causes()) {
            List<LemmaPattern> patterns = c.patterns().stream().map(LemmaPattern::parse).toList();
            List<Boolean> negated = patterns.stream()
                    .map(p -> p.words().stream().anyMatch(CUES::contains)).toList();
            compiled.add(new CompiledCause(c, patterns, negated));
        }
        this.causes = List.copyOf(compiled);
        Map<String, Double> thresholds = new java.util.HashMap<>();
        if (taxonomy.hasSemanticLayer()) {
            taxonomy.causes().forEach(c -> thresholds.put(c.id(), taxonomy.threshold(c)));
        }
        this.modelThresholds = Map.copyOf(thresholds);
    }

    /** The one matcher for this taxonomy in this JVM: executors compile the patterns once, not per task. */
    public static CauseMatcher shared(Taxonomy taxonomy) {
        return SHARED.computeIfAbsent(taxonomy, CauseMatcher::new);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The causes the patterns find in a complaint, in taxonomy order, each with its evidence and sentiment. */
    public List<CauseMatch> match(List<SentenceAnalysis> sentences) {
        return match(sentences, Map.of());
    }

    /**
     * The causes found in a complaint by the patterns and by the semantic layer's model hits (per sentence index),
     * in taxonomy order, each with its evidence and sentiment. A model hit adds evidence only where no pattern of
     * the same cause matched the same sentence.
     */
    public List<CauseMatch> match(List<SentenceAnalysis> sentences, Map<Integer, List<ModelHit>> modelHits) {
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        for (CompiledCause c : causes) {
            evidence.put(c.cause().id(), new ArrayList<>());
        }
        for (SentenceAnalysis s : sentences) {
            Set<String> byPattern = new LinkedHashSet<>();
            List<ModelHit> sentenceModelHits = modelHits.getOrDefault(s.index(), List.of());
            for (Hit hit : hits(s.lemmas())) {
                if (hit.counts() && confirmed(hit.causeId(), s, sentenceModelHits)) {
                    evidence.get(hit.causeId()).add(
                            Evidence.ofPattern(hit.pattern(), hit.matchedText(), s.index(), s.text(), s.sentiment(), s.polarity()));
                    byPattern.add(hit.causeId());
                }
            }
            for (ModelHit hit : sentenceModelHits) {
                List<Evidence> ev = evidence.get(hit.causeId());
                // A hit below the cause's threshold only confirms a pattern (SemanticSettings.confirm): never alone.
                if (ev != null && !byPattern.contains(hit.causeId())
                        && hit.score() >= modelThresholds.getOrDefault(hit.causeId(), Double.NEGATIVE_INFINITY)) {
                    ev.add(new Evidence(hit.nearestExample(), s.text(), s.index(), s.text(), s.sentiment(), s.polarity(),
                            Evidence.MODEL, hit.score()));
                }
            }
        }
        boolean anyRegular = causes.stream()
                .anyMatch(c -> !c.cause().fallback() && !evidence.get(c.cause().id()).isEmpty());
        List<CauseMatch> matches = new ArrayList<>();
        for (CompiledCause c : causes) {
            List<Evidence> ev = evidence.get(c.cause().id());
            if (!ev.isEmpty() && !(c.cause().fallback() && anyRegular)) {
                matches.add(new CauseMatch(c.cause().id(), c.cause().group(), sentiment(ev), List.copyOf(ev)));
            }
        }
        return matches;
    }

    /**
     * How the patterns and the model combine ({@link SemanticSettings#confirm}): a pattern's match counts alone under
     * the union (and without a semantic layer, and in sentences too short for the model to judge); otherwise only
     * where the model gives the same cause at least the confirmation probability in the same sentence.
     */
    public boolean confirmed(String causeId, SentenceAnalysis s, List<ModelHit> sentenceModelHits) {
        SemanticSettings semantic = taxonomy.semantic();
        if (semantic == null || semantic.confirm() <= 0 || s.tokenEnd() - s.tokenBegin() < semantic.minTokens()) {
            return true;
        }
        return sentenceModelHits.stream().anyMatch(h -> h.causeId().equals(causeId) && h.score() >= semantic.confirm());
    }

    /** The ids of the matched causes, or {@code ["unclassified"]} when none matched. */
    public static List<String> causeIds(List<CauseMatch> matches) {
        if (matches.isEmpty()) {
            return List.of(Columns.UNCLASSIFIED);
        }
        return matches.stream().map(CauseMatch::causeId).toList();
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
