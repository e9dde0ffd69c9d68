package rootcause.clean;

import org.apache.commons.validator.routines.IBANValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall and precision of {@link PiiRedactor} per kind on texts written for this test
 * ({@code seeded-pii.tsv}: IBANs in every grouping, US street lines, US city + state + ZIP, UK postcodes, and texts
 * with look-alikes only). Recall: seeded values none of whose words is left. Precision: placeholders of the kind's
 * type that stood for a seeded value; a placeholder in the text with its seeded values taken out is a false one.
 * Prints the numbers docs/BENCHMARKS.md reports.
 */
class SeededPiiTest {
    record Seeded(String voice, List<String> kinds, List<String> values, List<String> keep, String text) {}

    static final Map<String, String> PLACEHOLDER = Map.of("iban", PiiRedactor.ACCOUNT, "us_street", PiiRedactor.ADDRESS,
            "us_city_state_zip", PiiRedactor.ADDRESS, "uk_postcode", PiiRedactor.ADDRESS);
    static List<Seeded> set;
    static final PiiRedactor REDACTOR = new PiiRedactor();

    @BeforeAll
    static void load() throws IOException {
        set = new ArrayList<>();
        try (InputStream in = SeededPiiTest.class.getResourceAsStream("/rootcause/clean/seeded-pii.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                set.add(new Seeded(f[0], split(f[1]), split(f[2]), split(f[3]), f[4]));
            }
        }
    }

    private static List<String> split(String cell) {
        return cell.isEmpty() ? List.of() : Arrays.asList(cell.split("\\|"));
    }

    @Test
    void theSetIsWhatItSays() {
        assertThat(set).hasSizeGreaterThanOrEqualTo(30);
        assertThat(set).extracting(Seeded::voice).contains("tweet", "survey", "narrative");
        for (Seeded s : set) {
            s.values().forEach(v -> assertThat(s.text()).contains(v));
            s.keep().forEach(w -> assertThat(s.text()).contains(w));
            for (int i = 0; i < s.values().size(); i++) {
                if (s.kinds().get(i).equals("iban")) {
                    String compact = s.values().get(i).replaceAll("[ -]", "").toUpperCase(Locale.ROOT);
                    assertThat(IBANValidator.getInstance().isValid(compact)).as("a valid IBAN: " + compact).isTrue();
                }
            }
        }
    }

    @Test
    void everySeededKindIsFoundAndLookAlikesAreLeft() {
        Map<String, int[]> recall = new TreeMap<>();   // kind -> removed, seeded
        Map<String, int[]> precision = new TreeMap<>(); // placeholder -> true, all
        int kept = 0;
        int mustKeep = 0;
        List<String> misses = new ArrayList<>();
        for (Seeded s : set) {
            String redacted = REDACTOR.redact(s.text());
            String neutral = s.text();
            for (int i = 0; i < s.values().size(); i++) {
                String kind = s.kinds().get(i);
                boolean removed = wordsOf(s.values().get(i)).stream().noneMatch(w -> containsWord(redacted, w));
                recall.computeIfAbsent(kind, k -> new int[2])[1]++;
                if (removed) {
                    recall.get(kind)[0]++;
                    precision.computeIfAbsent(PLACEHOLDER.get(kind), k -> new int[2])[0]++;
                } else {
                    misses.add(kind + ": " + redacted);
                }
                neutral = neutral.replace(s.values().get(i), "somewhere");
            }
            String neutralRedacted = REDACTOR.redact(neutral);
            for (String placeholder : List.of(PiiRedactor.ACCOUNT, PiiRedactor.ADDRESS)) {
                int falseOnes = count(neutralRedacted, placeholder);
                precision.computeIfAbsent(placeholder, k -> new int[2])[1] += falseOnes;
                if (falseOnes > 0) {
                    misses.add("false " + placeholder + ": " + neutralRedacted);
                }
            }
            for (String w : s.keep()) {
                mustKeep++;
                if (redacted.contains(w)) {
                    kept++;
                } else {
                    misses.add("lost '" + w + "': " + redacted);
                }
            }
        }
        recall.forEach((kind, n) -> System.out.printf(Locale.ROOT, "SeededPiiTest recall %s %d/%d (%.1f %%)%n",
                kind, n[0], n[1], 100.0 * n[0] / n[1]));
        precision.forEach((placeholder, n) -> System.out.printf(Locale.ROOT, "SeededPiiTest precision %s %d/%d (%.1f %%)%n",
                placeholder, n[0], n[0] + n[1], 100.0 * n[0] / (n[0] + n[1])));
        System.out.printf(Locale.ROOT, "SeededPiiTest kept %d/%d%n", kept, mustKeep);
        misses.forEach(m -> System.out.println("SeededPiiTest miss " + m));

        // The measured numbers (docs/BENCHMARKS.md): a change that loses any of them fails here. The misses are the
        // lower-case addresses of tweets ("55 baker st, chicago il 60601", "sw1a 2aa").
        Map<String, Integer> measured = Map.of("iban", 10, "us_street", 6, "us_city_state_zip", 6, "uk_postcode", 6);
        recall.forEach((kind, n) -> assertThat(n[0]).as("recall of " + kind + "; " + misses)
                .isGreaterThanOrEqualTo(measured.get(kind)));
        precision.forEach((placeholder, n) -> assertThat(n[1]).as("false " + placeholder + "; " + misses).isZero());
        assertThat(kept).as(misses.toString()).isEqualTo(mustKeep);
    }

    /** The words of a seeded value that identify it (its separators and one-letter words aside). */
    private static List<String> wordsOf(String value) {
        return Arrays.stream(value.split("[\\s,-]+")).filter(w -> w.length() > 1).toList();
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\w])" + Pattern.quote(word) + "(?![\\w])").matcher(text).find();
    }

    private static int count(String text, String placeholder) {
        Matcher m = Pattern.compile(Pattern.quote(placeholder)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
