package rootcause.report;

import org.junit.jupiter.api.Test;
import rootcause.model.Evidence;

import static org.assertj.core.api.Assertions.assertThat;

class MatchedWordsTest {

    private static String marked(String sentence, String lemmas) {
        return new Quote("2024-02", "c", "1", sentence, -1, Evidence.PATTERN, lemmas).bracketed();
    }

    @Test
    void marksTheRunOfWordsThePatternsLemmasCovered() {
        assertThat(marked("I waited for an hour on hold.", "wait for a hour")).isEqualTo("I [waited for an hour] on hold.");
        assertThat(marked("The agent was rude to me.", "be rude")).isEqualTo("The agent [was rude] to me.");
        assertThat(marked("They told me nothing.", "tell")).isEqualTo("They [told] me nothing.");
        assertThat(marked("They didn't call back", "not call back")).isEqualTo("They did[n't call back]");
        assertThat(marked("Charged twice for one order", "charge twice")).isEqualTo("[Charged twice] for one order");
        assertThat(marked("I spent hours on hold", "spend hour")).as("irregular, by CoreNLP's lemmatiser")
                .isEqualTo("I [spent hours] on hold");
        assertThat(marked("They forgot my order and hung up", "hang up")).isEqualTo("They forgot my order and [hung up]");
        assertThat(marked("We can't reach anyone", "can not reach")).isEqualTo("We [can't reach] anyone");
    }

    @Test
    void marksNothingWhenTheWordsCannotBeFoundOrTheModelFoundTheCause() {
        assertThat(marked("Nobody answered.", "wait for a hour")).isEqualTo("Nobody answered.");
        assertThat(marked("A wait, then much later an hour", "wait for a hour")).as("too far apart for the run")
                .isEqualTo("A wait, then much later an hour");
        Quote model = new Quote("2024-02", "c", "1", "Nobody ever listens to us.", -1, Evidence.MODEL, "Nobody ever listens to us.");
        assertThat(model.bracketed()).isEqualTo("Nobody ever listens to us.");
        assertThat(new Quote("2024-02", "c", "1", "plain", 0).bracketed()).isEqualTo("plain");
    }

    @Test
    void partsSplitTheTextAroundTheMatch() {
        Quote q = new Quote("2024-02", "c", "1", "I waited for an hour.", -1, Evidence.PATTERN, "wait for a hour");
        assertThat(q.parts()).containsEntry("before", "I ").containsEntry("matched", "waited for an hour")
                .containsEntry("after", ".");
    }
}
