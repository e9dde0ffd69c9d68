package rootcause.classify;

import org.junit.jupiter.api.Test;
import rootcause.model.CauseMatch;
import rootcause.model.Evidence;
import rootcause.model.SentenceAnalysis;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Pure matcher tests on hand-written lemmas (what CoreNLP gives for these sentences). */
class CauseMatcherTest {
    /** The shipped patterns alone: without a model to confirm them (taxonomy 3.0.0 confirms at 0.3) every match counts. */
    private static final Taxonomy SHIPPED = TaxonomyLoader.loadDefault();
    private static final CauseMatcher MATCHER = new CauseMatcher(SHIPPED.patternsOnly());
    private static final PatternSignal PATTERNS = new PatternSignal(SHIPPED);

    private static SentenceAnalysis sentence(int index, int sentiment, String lemmas) {
        List<String> l = List.of(lemmas.split(" "));
        return new SentenceAnalysis(index, lemmas, sentiment, 0, l.size(), l);
    }

    private static List<String> ids(String... lemmaSentences) {
        List<SentenceAnalysis> s = new ArrayList<>();
        for (String l : lemmaSentences) {
            s.add(sentence(s.size(), 1, l));
        }
        return CauseMatcher.causeIds(MATCHER.match(s));
    }

    @Test
    void negatedPatternIsNotACause() {
        assertThat(ids("the agent be not rude .")).containsExactly("unclassified");
        assertThat(ids("the agent be n't rude .")).containsExactly("unclassified");
        assertThat(ids("she be never rude to i .")).containsExactly("unclassified");
        assertThat(ids("nobody be rude .")).containsExactly("unclassified");
    }

    @Test
    void statedAbsenceIsACause() {
        assertThat(ids("nobody call i back .")).containsExactly("complaints_not_heard");
        assertThat(ids("no one ever call back .")).containsExactly("complaints_not_heard");
        assertThat(ids("i never hear back from they .")).containsExactly("complaints_not_heard");
        assertThat(ids("i send several message and no one be respond .")).containsExactly("complaints_not_heard");
    }

    @Test
    void negationStopsAtTheClauseAndOutsideTheWindow() {
        assertThat(ids("i be not happy , the agent be rude .")).containsExactly("rudeness");
        assertThat(ids("not that i mind but she be rude .")).containsExactly("rudeness");
        assertThat(ids("no , she hang up on i .")).containsExactly("rudeness");
    }

    @Test
    void intensifierAfterACueDoesNotNegate() {
        assertThat(ids("i have never be so disrespect in my life .")).containsExactly("rudeness");
        assertThat(ids("not only rude but slow .")).contains("rudeness");
    }

    @Test
    void negationInsideAGapSuppresses() {
        // "speak * to * supervisor": a cue between the pattern's own words negates it
        List<PatternSignal.Hit> hits = PATTERNS.hits(List.of("i", "speak", "not", "to", "the", "supervisor"));
        assertThat(hits).anySatisfy(h -> {
            assertThat(h.causeId()).isEqualTo("no_empowerment");
            assertThat(h.suppressedBy()).isEqualTo("not");
        });
    }

    @Test
    void suppressedHitsAreReportedForExplain() {
        List<PatternSignal.Hit> hits = PATTERNS.hits(List.of("the", "agent", "be", "not", "rude"));
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.causeId()).isEqualTo("rudeness");
            assertThat(h.pattern()).isEqualTo("rude*");
            assertThat(h.matchedText()).isEqualTo("rude");
            assertThat(h.counts()).isFalse();
            assertThat(h.suppressedBy()).isEqualTo("not");
        });
    }

    @Test
    void findsSeveralCausesInOneComplaint() {
        List<CauseMatch> m = MATCHER.match(List.of(
                sentence(0, 1, "i be on hold for two hour ."),
                sentence(1, 0, "then the agent hang up on i ."),
                sentence(2, 2, "i be transfer five time .")));
        assertThat(CauseMatcher.causeIds(m)).containsExactly("rudeness", "fragmented_support", "waiting");
        assertThat(m).extracting(CauseMatch::causeGroup).containsExactly("people", "process", "process");
    }

    @Test
    void evidenceNamesPatternWordsAndSentence() {
        SentenceAnalysis s = new SentenceAnalysis(3, "Then the agent hung up on me.", 0, 40, 48,
                List.of("then", "the", "agent", "hang", "up", "on", "i", "."));
        CauseMatch m = MATCHER.match(List.of(s)).get(0);
        assertThat(m.causeId()).isEqualTo("rudeness");
        assertThat(m.evidence()).containsExactly(
                Evidence.ofPattern("hang up on", "hang up on", 3, "Then the agent hung up on me.", 0, -1.0),
                Evidence.ofPattern("you|they|she|he|agent|rep|representative (then|just|finally) hang up", "agent hang up", 3,
                        "Then the agent hung up on me.", 0, -1.0));
    }

    @Test
    void causeSentimentIsTheMeanPolarityOfItsEvidencingSentencesNotTheDocument() {
        List<CauseMatch> m = MATCHER.match(List.of(
                sentence(0, 0, "she be rude .").withPolarity(-0.9),
                sentence(1, 4, "everything else be great .").withPolarity(0.8),          // not evidence
                sentence(2, 3, "he be rude too , and rude again .").withPolarity(0.3),  // counted once
                sentence(3, -1, "they be rude and rude .").withPolarity(-0.6)));       // too long for CoreNLP: the layer still reads it
        CauseMatch rudeness = m.get(0);
        assertThat(rudeness.causeId()).isEqualTo("rudeness");
        assertThat(rudeness.sentiment()).isCloseTo((-0.9 + 0.3 - 0.6) / 3, within(1e-9));
        assertThat(rudeness.evidence()).extracting(Evidence::sentenceIndex).containsExactly(0, 2, 3);
    }

    @Test
    void causeSentimentOfAnUnreadSentenceIsNeutral() {
        CauseMatch m = MATCHER.match(List.of(sentence(0, -1, "she be rude ."))).get(0);
        assertThat(m.sentiment()).isEqualTo(0.0);
    }

    @Test
    void fallbackCauseCountsOnlyAlone() {
        assertThat(ids("worst company ever .")).containsExactly("venting");
        assertThat(ids("worst company ever , she be rude .")).containsExactly("rudeness");
    }

    @Test
    void airlineLabelLeakTokensTriggerNothing() {
        // "my flight got Cancelled Flightled" and "Late Flightr" as CoreNLP lemmatises them
        assertThat(ids("my flight get cancel flightled .", "we arrive late flightr tonight .")).containsExactly("unclassified");
    }

    @Test
    void emptyComplaintIsUnclassified() {
        assertThat(CauseMatcher.causeIds(MATCHER.match(List.of()))).containsExactly("unclassified");
    }

    @Test
    void thePatternSignalJudgesASentenceWithItsSuppressedHitsAndWhy() {
        List<SignalHit> judged = PATTERNS.judge(sentence(2, 1, "the agent be not rude ."), null);
        assertThat(judged).containsExactly(
                new SignalHit("pattern", "rudeness", 2, false, null, "rude*", "rude", "is negated by \"not\""));
        assertThat(PATTERNS.judge(sentence(0, 1, "she hang up on i ."), null)).allSatisfy(h -> {
            assertThat(h.fires()).isTrue();
            assertThat(h.reason()).isNull();
        }).isNotEmpty();
    }
}
