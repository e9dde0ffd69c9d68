package rootcause.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteTest {

    @Test
    void removesControlCharactersThatWouldBreakXhtml() {
        assertThat(Quote.shorten("bad\u0000 news\u0007 here\u001b")).isEqualTo("bad news here");
    }

    @Test
    void collapsesWhiteSpace() {
        assertThat(Quote.shorten("  waited\n\n  for   ages\t ")).isEqualTo("waited for ages");
    }

    @Test
    void cutsLongSentencesAtAWordWithAnEllipsis() {
        String longSentence = "word ".repeat(100);
        String shortened = Quote.shorten(longSentence);
        assertThat(shortened).hasSizeLessThanOrEqualTo(Quote.MAX_LENGTH).endsWith("word…");
    }

    @Test
    void cutsAnUnbrokenStringToo() {
        assertThat(Quote.shorten("x".repeat(500))).hasSize(Quote.MAX_LENGTH).endsWith("…");
    }

    /** A real CFPB shape: a long narrative sentence that names the cause near its end. */
    private static final String LONG = "I called the company on March 3 about the late fee on my statement, and again on "
            + "March 10 and March 17, each time giving my account number, my address and the date of the payment I had "
            + "made through their own website, which they confirmed had posted before the due date, and after all of "
            + "that the representative was rude and hung up on me without fixing anything at all, so I am filing this.";

    @Test
    void cutsALongSentenceAroundTheMatchedWords() {
        assertThat(LONG.indexOf("was rude")).as("the evidence lies past the first %d characters", Quote.MAX_LENGTH)
                .isGreaterThan(Quote.MAX_LENGTH);
        String excerpt = Quote.excerpt(LONG, rootcause.model.Evidence.PATTERN, "be rude");
        assertThat(excerpt).hasSizeLessThanOrEqualTo(Quote.MAX_LENGTH).startsWith("…").contains("was rude")
                .doesNotContain("  ");
        // cut at words: the excerpt's text (ellipses aside) is a run of whole words of the sentence
        String inner = excerpt.replace("…", "");
        assertThat(LONG).contains(inner);
        assertThat(LONG.charAt(LONG.indexOf(inner) - 1)).isEqualTo(' ');
        Quote quote = new Quote("2019-06", "rudeness", "c1", excerpt, -0.8, rootcause.model.Evidence.PATTERN, "be rude");
        assertThat(quote.bracketed()).contains("[was rude]");
    }

    @Test
    void cutsFromTheStartWithoutMatchedWordsOrWhenTheyAreNearIt() {
        assertThat(Quote.excerpt(LONG, rootcause.model.Evidence.MODEL, null)).isEqualTo(Quote.shorten(LONG));
        assertThat(Quote.excerpt(LONG, rootcause.model.Evidence.PATTERN, "late fee")).isEqualTo(Quote.shorten(LONG))
                .startsWith("I called").contains("late fee");
        assertThat(Quote.excerpt("short and rude", rootcause.model.Evidence.PATTERN, "rude")).isEqualTo("short and rude");
    }
}
