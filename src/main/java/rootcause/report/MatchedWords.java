package rootcause.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private static final int MAX_ENDING = 3;
    private static final Map<String, Set<String>> IRREGULAR = Map.ofEntries(
            Map.entry("be", Set.of("am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m")),
            Map.entry("have", Set.of("has", "had", "'ve")), Map.entry("do", Set.of("does", "did", "done")),
            Map.entry("get", Set.of("got", "gotten")), Map.entry("take", Set.of("took", "taken")),
            Map.entry("tell", Set.of("told")), Map.entry("say", Set.of("said")), Map.entry("give", Set.of("gave", "given")),
            Map.entry("go", Set.of("went", "gone")), Map.entry("make", Set.of("made")), Map.entry("keep", Set.of("kept")),
            Map.entry("leave", Set.of("left")), Map.entry("send", Set.of("sent")), Map.entry("pay", Set.of("paid")),
            Map.entry("lose", Set.of("lost")), Map.entry("hear", Set.of("heard")), Map.entry("speak", Set.of("spoke", "spoken")),
            Map.entry("buy", Set.of("bought")), Map.entry("find", Set.of("found")), Map.entry("hang", Set.of("hung")),
            Map.entry("hold", Set.of("held")), Map.entry("feel", Set.of("felt")), Map.entry("can", Set.of("ca", "could")),
            Map.entry("will", Set.of("wo", "would")), Map.entry("not", Set.of("n't")));

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

    static boolean isFormOf(String word, String lemma) {
        if (word.equals(lemma) || IRREGULAR.getOrDefault(lemma, Set.of()).contains(word)) {
            return true;
        }
        String stem = lemma.endsWith("e") || lemma.endsWith("y") ? lemma.substring(0, lemma.length() - 1) : lemma;
        return stem.length() >= 2 && word.startsWith(stem) && word.length() - lemma.length() <= MAX_ENDING;
    }
}
