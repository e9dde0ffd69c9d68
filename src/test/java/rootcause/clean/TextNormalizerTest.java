package rootcause.clean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Fees &amp; charges|Fees & charges",
            "&lt;script&gt;alert(1)&lt;/script&gt;|<script>alert(1)</script>",
            "They said &quot;no&quot;|They said \"no\"",
            "It&#39;s broken|It's broken",
            "It&apos;s broken|It's broken",
            "caf&#233; &#x2764;|café ❤",
            "Tom &amp;amp; Jerry|Tom & Jerry",
            "AT&T is down|AT&T is down",
    })
    void unescapesHtmlEntities(String raw, String expected) {
        assertThat(normalizer.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "see https://t.co/AbC123 now|see <url> now",
            "see http://example.com/a?b=1&c=2.|see <url>.",
            "(www.bank.com/help)|(<url>)",
            "HTTPS://EXAMPLE.COM/X, then|<url>, then",
    })
    void replacesUrls(String raw, String expected) {
        assertThat(normalizer.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void replacesEveryHandleButKeepsEmailAddresses() {
        assertThat(normalizer.normalize("@AmazonHelp @115712 thanks, write to a.b@example.com"))
                .isEqualTo("@user @user thanks, write to a.b@example.com");
    }

    @Test
    void countsHandles() {
        assertThat(TextNormalizer.countHandles("@AmazonHelp cc @Delta and me@x.com")).isEqualTo(2);
        assertThat(TextNormalizer.countHandles(null)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "On XX/XX/XXXX I called|On [date] I called",
            "On XX/XX/2019 and XX/XX/19|On [date] and [date]",
            "I spoke to XXXX XXXX at XXXX bank|I spoke to [redacted] at [redacted] bank",
            "account XXXXXXXX1234 closed|account [redacted] closed",
            "I paid {$1000.00} twice|I paid $1000.00 twice",
            "fee of {$25.50}.|fee of $25.50.",
            "XXL shirt and Xbox|XXL shirt and Xbox",
    })
    void makesCfpbMasksReadable(String raw, String expected) {
        assertThat(normalizer.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void collapsesSpacesAndKeepsParagraphBreaks() {
        assertThat(normalizer.normalize("  first\t\t line  \n\n\n\n  second   para \n third  "))
                .isEqualTo("first line\n\nsecond para\nthird");
    }

    @Test
    void turnsCarriageReturnsIntoNewlines() {
        assertThat(normalizer.normalize("one\r\ntwo\rthree\r\n\r\nfour")).isEqualTo("one\ntwo\nthree\n\nfour");
    }

    @Test
    void stripsControlAndZeroWidthCharacters() {
        assertThat(normalizer.normalize("\uFEFFre\u200Bfund\u0000 now\u0007\u00A0please\u202E"))
                .isEqualTo("refund now please");
    }

    @Test
    void composesUnicodeToNfc() {
        String decomposed = "cafe\u0301";
        assertThat(normalizer.normalize(decomposed)).isEqualTo("caf\u00E9");
    }

    @Test
    void keepsEmojiAndOrdinaryText() {
        assertThat(normalizer.normalize("Worst service ever 😡 #fail")).isEqualTo("Worst service ever 😡 #fail");
    }

    @Test
    void nullAndBlankBecomeEmpty() {
        assertThat(normalizer.normalize(null)).isEmpty();
        assertThat(normalizer.normalize(" \n\t \r\n ")).isEmpty();
    }

    @Test
    void normalizingTwiceChangesNothing() {
        String once = normalizer.normalize("RT @bob: Fees &amp;amp; more at https://x.co/a  on XX/XX/XXXX\r\n\r\n\r\nok");
        assertThat(normalizer.normalize(once)).isEqualTo(once);
    }

    @Test
    void duplicateKeyIgnoresCasePunctuationAndSpacing() {
        assertThat(TextNormalizer.duplicateKey("Nobody called me back!!  Again."))
                .isEqualTo(TextNormalizer.duplicateKey("nobody called me back again"));
    }

    @Test
    void duplicateKeyMatchesRetweetWithOriginal() {
        String original = normalizer.normalize("@AmazonHelp my package is 5 days late & nobody answers");
        String retweet = normalizer.normalize("RT @angry_cust: @AmazonHelp my package is 5 days late &amp; nobody answers");
        assertThat(TextNormalizer.duplicateKey(retweet)).isEqualTo(TextNormalizer.duplicateKey(original));
    }

    @Test
    void duplicateKeyKeepsDifferentTextsApart() {
        assertThat(TextNormalizer.duplicateKey("charged twice"))
                .isNotEqualTo(TextNormalizer.duplicateKey("charged three times"));
        assertThat(TextNormalizer.duplicateKey("artist formerly known")).isEqualTo("artist formerly known");
        assertThat(TextNormalizer.duplicateKey(null)).isEmpty();
    }
}
