package rootcause.report;

import edu.stanford.nlp.process.Morphology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in a quoted sentence, the words a taxonomy pattern matched. The classify stage records a pattern match as
 * the run of lemmas it covered ("wait for a hour"), so the words are found again by their lemma: the word itself, the
 * lemma plus an ending ("waited", "charging"), an irregular form of a common verb ("was", "told") or CoreNLP's split
 * negation ("n't" in "didn't"). The run from the word of the first lemma to the word of the last is marked. When no
 * such run is found (an irregular form not listed, a quote cut short) nothing is marked. Pure.
 */
final class MatchedWords {
    private MatchedWords() {}

    /** A character range of the sentence: {@code [start, end)}. */
    record Span(int start, int end) {}

    /** Words as CoreNLP splits them: "didn't" is "did" + "n't". */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+?(?=n't)|n't|[\\p{L}\\p{N}]+");
    /**
     * The tags under which a quoted word may have been lemmatised (its real tag is not stored): past, participles,
     * present, plural, modal ("ca" of "can't"), comparative, and adverb ("n't" is "not").
     */
    private static final List<String> TAGS = List.of("VBD", "VBN", "VBG", "VBZ", "VBP", "NNS", "MD", "JJR", "JJS", "RB");

    /** Where the lemmas {@code matchedLemmas} (space-separated, in order) were found in {@code sentence}, or null. */
    static Span locate(String sentence, String matchedLemmas) {
        if (sentence == null || matchedLemmas == null || matchedLemmas.isBlank()) {
            return null;
        }
        List<String> lemmas = Arrays.stream(matchedLemmas.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(l -> !l.isEmpty() && WORD.matcher(l).find()).toList();
        if (lemmas.isEmpty()) {
            return null;
        }
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            words.add(new int[]{m.start(), m.end()});
        }
        String first = lemmas.get(0);
        String last = lemmas.get(lemmas.size() - 1);
        for (int i = 0; i < words.size(); i++) {
            if (!isFormOf(word(sentence, words.get(i)), first)) {
                continue;
            }
            // the run spans about as many words as lemmas (punctuation and split negations aside)
            int limit = Math.min(words.size() - 1, i + lemmas.size());
            for (int j = lemmas.size() == 1 ? i : i + 1; j <= limit; j++) {
                if (isFormOf(word(sentence, words.get(j)), last)) {
                    return new Span(words.get(i)[0], words.get(j)[1]);
                }
            }
        }
        return null;
    }

    private static String word(String sentence, int[] span) {
        return sentence.substring(span[0], span[1]).toLowerCase(Locale.ROOT);
    }

    /** Whether CoreNLP's lemmatiser (the one the nlp stage uses; rule-based, no model file) gives the word this lemma. */
    static boolean isFormOf(String word, String lemma) {
        if (word.equals(lemma)) {
            return true;
        }
        for (String tag : TAGS) {
            if (lemma.equals(Morphology.stemStatic(word, tag).word())) {
                return true;
            }
        }
        return false;
    }
}
