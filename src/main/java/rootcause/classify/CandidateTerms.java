package rootcause.classify;

import rootcause.model.SentenceAnalysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The distinct terms of one complaint that can hint at a cause the taxonomy misses: lemmas and bigrams of
 * adjacent lemmas, without stop words, numbers, punctuation, handles or redaction marks. Pure; runs on executors.
 */
public final class CandidateTerms {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z'-]*[a-z]");
    /** Stop words: the English list Spark ML's StopWordsRemover uses (not on our class path), plus
     * CoreNLP's lemma forms and the redaction mark "xxxx". */
    private static final Set<String> STOP_WORDS = loadStopWords();

    private CandidateTerms() {}

    public static List<String> distinctTerms(List<SentenceAnalysis> sentences) {
        Set<String> terms = new LinkedHashSet<>();
        for (SentenceAnalysis s : sentences) {
            String previous = null;
            for (String lemma : s.lemmas()) {
                String word = isContent(lemma) ? lemma : null;
                if (word != null) {
                    terms.add(word);
                    if (previous != null) {
                        terms.add(previous + " " + word);
                    }
                }
                previous = word;
            }
        }
        return List.copyOf(terms);
    }

    static boolean isContent(String lemma) {
        return lemma != null && WORD.matcher(lemma).matches() && !STOP_WORDS.contains(lemma);
    }

    private static Set<String> loadStopWords() {
        try (InputStream in = CandidateTerms.class.getResourceAsStream("stop-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("rootcause/classify/stop-words.txt is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
