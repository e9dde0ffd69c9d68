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
}
