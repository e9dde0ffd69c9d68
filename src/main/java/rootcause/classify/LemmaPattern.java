package rootcause.classify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A compiled signal phrase, matched against a sentence's lower-cased lemmas. Pure; runs anywhere.
 *
 * <p>Syntax (elements separated by spaces, matched as consecutive lemmas):
 * <ul>
 *   <li>{@code hang} a lemma; {@code understaff*} a lemma starting with {@code understaff} (at least 3 letters
 *       before the star);</li>
 *   <li>{@code hour|minute} one lemma out of several;</li>
 *   <li>{@code [no one|nobody]} one of several lemma sequences, required;</li>
 *   <li>{@code (be)}, {@code (very|really)}, {@code (on the phone)} optional, one of several sequences or nothing;</li>
 *   <li>{@code *} a gap of 0 to {@value #MAX_GAP} arbitrary lemmas (not first, not last, never two in a row).</li>
 * </ul>
 * A pattern must contain at least one required lemma. Negation words in a pattern ({@code not}, {@code never},
 * {@code nobody}...) make it a negated phrase: see {@link CauseMatcher}.
 */
public final class LemmaPattern implements Serializable {
    /** Longest gap a {@code *} spans. */
    public static final int MAX_GAP = 3;
    private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9'&.-]*\\*?|n't");

    private final String source;
    private final List<Element> elements;

    private LemmaPattern(String source, List<Element> elements) {
        this.source = source;
        this.elements = elements;
    }

    /** Where a pattern matched: lemma span [begin, end) and the positions the pattern's own words took. */
    public record Span(int begin, int end, List<Integer> wordPositions) {
    }

    /** One step of a pattern: alternatives of word sequences, optional or not, or a gap. */
    private record Element(List<List<String>> alternatives, boolean optional, boolean gap) implements Serializable {
    }

    /** Parses a pattern; throws {@link IllegalArgumentException} saying what is wrong and what is allowed. */
    public static LemmaPattern parse(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("empty pattern");
        }
        String text = source.trim();
        List<Element> elements = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '(' || c == '[') {
                char close = c == '(' ? ')' : ']';
                int end = text.indexOf(close, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '" + c + "' at position " + i);
                }
                String inner = text.substring(i + 1, end);
                if (inner.indexOf('(') >= 0 || inner.indexOf('[') >= 0) {
                    throw new IllegalArgumentException("groups cannot be nested (at position " + i + ")");
                }
                elements.add(new Element(alternatives(inner, true), c == '(', false));
                i = end + 1;
                continue;
            }
            if (c == ')' || c == ']') {
                throw new IllegalArgumentException("unopened '" + c + "' at position " + i);
            }
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                    && "()[]".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            String token = text.substring(i, end);
            if (token.equals("*")) {
                elements.add(new Element(List.of(), false, true));
            } else {
                elements.add(new Element(alternatives(token, false), false, false));
            }
            i = end;
        }
        check(elements);
        return new LemmaPattern(text, List.copyOf(elements));
    }

    private static List<List<String>> alternatives(String inner, boolean multiWord) {
        List<List<String>> result = new ArrayList<>();
        for (String alt : inner.split("\\|", -1)) {
            String trimmed = alt.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("empty alternative in '" + inner + "'");
            }
            // CoreNLP lemmatises "n't" as "n't" or "not" depending on the token; both read as "not".
            List<String> words = Stream.of(trimmed.split("\\s+")).map(w -> w.equals("n't") ? "not" : w).toList();
            if (!multiWord && words.size() > 1) {
                throw new IllegalArgumentException("'" + inner + "' has spaces; use [a b|c] for multi-word alternatives");
            }
            for (String w : words) {
                if (!w.equals(w.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("'" + w + "' is not lower case (lemmas are lower-cased)");
                }
                if (w.equals("*")) {
                    throw new IllegalArgumentException("a gap '*' cannot be an alternative or inside a group");
                }
                if (!WORD.matcher(w).matches()) {
                    throw new IllegalArgumentException("'" + w + "' is not a lemma (allowed: a-z, 0-9, ' & . -, a trailing *)");
                }
                if (w.endsWith("*") && w.length() < 4) {
                    throw new IllegalArgumentException("prefix '" + w + "' is too short (at least 3 letters before '*')");
                }
            }
            result.add(words);
        }
        return List.copyOf(result);
    }

    private static void check(List<Element> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        if (elements.get(0).gap() || elements.get(elements.size() - 1).gap()) {
            throw new IllegalArgumentException("a gap '*' cannot start or end a pattern");
        }
        for (int k = 1; k < elements.size(); k++) {
            if (elements.get(k).gap() && elements.get(k - 1).gap()) {
                throw new IllegalArgumentException("two gaps '* *' in a row");
            }
        }
        if (elements.stream().noneMatch(e -> !e.gap() && !e.optional())) {
            throw new IllegalArgumentException("only optional words and gaps: the pattern would match anything");
        }
    }

    public String source() {
        return source;
    }

    /** Every lemma written in the pattern, optional ones included (prefix stars kept). */
    public List<String> words() {
        List<String> words = new ArrayList<>();
        for (Element e : elements) {
            e.alternatives().forEach(words::addAll);
        }
        return words;
    }

    /** The leftmost, then shortest, match in these lemmas at or after {@code from}; null when none. */
    public Span find(List<String> lemmas, int from) {
        for (int start = from; start < lemmas.size(); start++) {
            List<Integer> positions = new ArrayList<>();
            int end = matchAt(lemmas, 0, start, positions);
            if (end >= 0) {
                return new Span(start, end, List.copyOf(positions));
            }
        }
        return null;
    }

    /** Backtracking match of elements[k..] at lemma position pos; returns the end or -1. */
    private int matchAt(List<String> lemmas, int k, int pos, List<Integer> positions) {
        if (k == elements.size()) {
            return pos;
        }
        Element e = elements.get(k);
        if (e.gap()) {
            for (int skip = 0; skip <= MAX_GAP && pos + skip <= lemmas.size(); skip++) {
                int end = matchAt(lemmas, k + 1, pos + skip, positions);
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }
        for (List<String> alt : e.alternatives()) {
            if (sequenceAt(lemmas, alt, pos)) {
                int mark = positions.size();
                for (int j = 0; j < alt.size(); j++) {
                    positions.add(pos + j);
                }
                int end = matchAt(lemmas, k + 1, pos + alt.size(), positions);
                if (end >= 0) {
                    return end;
                }
                positions.subList(mark, positions.size()).clear();
            }
        }
        return e.optional() ? matchAt(lemmas, k + 1, pos, positions) : -1;
    }

    private static boolean sequenceAt(List<String> lemmas, List<String> words, int pos) {
        if (pos + words.size() > lemmas.size()) {
            return false;
        }
        for (int j = 0; j < words.size(); j++) {
            if (!wordMatches(words.get(j), lemmas.get(pos + j))) {
                return false;
            }
        }
        return true;
    }

    static boolean wordMatches(String word, String lemma) {
        if (word.endsWith("*")) {
            return lemma.startsWith(word.substring(0, word.length() - 1));
        }
        return word.equals(lemma);
    }

    @Override
    public String toString() {
        return source;
    }
}
