package rootcause.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LemmaPatternTest {
    private static List<String> lemmas(String s) {
        return List.of(s.split(" "));
    }

    private static String match(String pattern, String sentence) {
        LemmaPattern.Span span = LemmaPattern.parse(pattern).find(lemmas(sentence), 0);
        return span == null ? null : String.join(" ", lemmas(sentence).subList(span.begin(), span.end()));
    }

    @Test
    void matchesConsecutiveLemmas() {
        assertThat(match("hang up on", "she hang up on i .")).isEqualTo("hang up on");
        assertThat(match("hang up on", "she hang on up")).isNull();
    }

    @Test
    void optionalWordsMayBeThereOrNot() {
        assertThat(match("(be) not authorize", "she be not authorize to")).isEqualTo("be not authorize");
        assertThat(match("(be) not authorize", "i do not authorize it")).isEqualTo("not authorize");
    }

    @Test
    void gapSpansZeroToThreeLemmas() {
        assertThat(match("transfer * time", "i be transfer five time")).isEqualTo("transfer five time");
        assertThat(match("transfer * time", "transfer time")).isEqualTo("transfer time");
        assertThat(match("transfer * time", "transfer a b c time")).isEqualTo("transfer a b c time");
        assertThat(match("transfer * time", "transfer a b c d time")).isNull();
    }

    @Test
    void alternativesAndMultiWordGroups() {
        assertThat(match("hold for * hour|minute", "on hold for two minute")).isEqualTo("hold for two minute");
        assertThat(match("[no one|nobody] respond", "no one respond")).isEqualTo("no one respond");
        assertThat(match("[no one|nobody] respond", "nobody respond")).isEqualTo("nobody respond");
        assertThat(match("[no one|nobody] respond", "one respond")).isNull();
    }

    @Test
    void prefixWildcard() {
        assertThat(match("understaff*", "clearly understaffed")).isEqualTo("understaffed");
        assertThat(match("understaff*", "under staff")).isNull();
    }

    @Test
    void recordsWhichPositionsThePatternsOwnWordsTook() {
        LemmaPattern.Span span = LemmaPattern.parse("transfer * time").find(lemmas("i transfer five time"), 0);
        assertThat(span.wordPositions()).containsExactly(1, 3);
    }

    @Test
    void rejectsMalformedPatternsSayingWhy() {
        assertThatThrownBy(() -> LemmaPattern.parse("(very) (really)")).hasMessageContaining("only optional");
        assertThatThrownBy(() -> LemmaPattern.parse("* rude")).hasMessageContaining("cannot start or end");
        assertThatThrownBy(() -> LemmaPattern.parse("rude *")).hasMessageContaining("cannot start or end");
        assertThatThrownBy(() -> LemmaPattern.parse("a * * b")).hasMessageContaining("two gaps");
        assertThatThrownBy(() -> LemmaPattern.parse("(hang up")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> LemmaPattern.parse("hang)")).hasMessageContaining("unopened");
        assertThatThrownBy(() -> LemmaPattern.parse("a||b")).hasMessageContaining("empty alternative");
        assertThatThrownBy(() -> LemmaPattern.parse("Rude")).hasMessageContaining("lower case");
        assertThatThrownBy(() -> LemmaPattern.parse("ru*")).hasMessageContaining("too short");
        assertThatThrownBy(() -> LemmaPattern.parse("rude?")).hasMessageContaining("not a lemma");
        assertThatThrownBy(() -> LemmaPattern.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> LemmaPattern.parse("[a (b)]")).hasMessageContaining("nested");
    }

    @Test
    void readsNotContractionAsNot() {
        assertThat(LemmaPattern.parse("do n't care").words()).containsExactly("do", "not", "care");
    }
}
