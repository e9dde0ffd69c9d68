package rootcause.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The seeded-name texts of {@code rootcause/clean/seeded-names.tsv} (written for the tests): each text with the first
 * and last names seeded in it and the words that must survive redaction (companies, cities, products, ordinary
 * capitalised words). Judged by the seeded values, never by the redactor's own output or model.
 */
public record SeededNames(String voice, List<String> names, List<String> keep, String text) {
    public static final String RESOURCE = "rootcause/clean/seeded-names.tsv";

    public static List<SeededNames> load() {
        try (InputStream in = SeededNames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing");
            List<SeededNames> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                if (f.length != 4) throw new IllegalStateException("not 4 fields: " + line);
                out.add(new SeededNames(f[0], split(f[1]), split(f[2]), f[3]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split("\\|"));
    }

    /** True if the value occurs in the text as a whole word, in any case. */
    public static boolean containsWord(String text, String value) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])")
                .matcher(text.toLowerCase(Locale.ROOT)).find();
    }
}
