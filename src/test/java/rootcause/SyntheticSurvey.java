package rootcause;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bigger survey export for cluster and scaling runs, made from data-samples/survey's clean comments: row r joins
 * three of them (chosen by r's digits in base 23), so every row up to 12,167 has its own text and the nlp stage,
 * which analyses distinct texts, really does r texts' work. Rows spread over 2025-09, 2025-10 and 2025-11.
 */
final class SyntheticSurvey {
    /** data-samples/survey comments S-70001 to S-70024 but the two-line S-70016: valid, made up. */
    private static final List<String> COMMENTS = comments();
    private static final String[] CHANNELS = {"phone", "chat", "email", "web", "store"};

    private SyntheticSurvey() {}

    /** Writes {@code rows} survey rows to {@code file} (header first) and returns the file. */
    static Path write(Path file, int rows) throws IOException {
        int n = COMMENTS.size();
        if (rows > n * n * n) throw new IllegalArgumentException("at most " + n * n * n + " distinct rows");
        StringBuilder csv = new StringBuilder("response_id,submitted_at,channel,score,comments\n");
        for (int r = 0; r < rows; r++) {
            String text = COMMENTS.get(r % n) + " " + COMMENTS.get((r / n) % n) + " " + COMMENTS.get((r / (n * n)) % n);
            String date = String.format(Locale.ROOT, "2025-%02d-%02d %02d:%02d", 9 + r % 3, 1 + (r / 3) % 28, 8 + r % 10, r % 60);
            csv.append("G-").append(100_000 + r).append(',').append(date).append(',')
                    .append(CHANNELS[r % CHANNELS.length]).append(',').append(1 + r % 5).append(',')
                    .append('"').append(text.replace("\"", "\"\"")).append("\"\n");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> comments() {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("data-samples/survey/survey.csv"), StandardCharsets.UTF_8)) {
                String[] f = line.split(",", 5);
                if (f.length == 5 && f[0].matches("S-700(0[1-9]|1[0-9]|2[0-4])") && !f[4].isBlank()
                        && f[4].startsWith("\"") == f[4].endsWith("\"")) { // skips S-70016, which spans two lines
                    out.add(f[4].startsWith("\"") && f[4].endsWith("\"")
                            ? f[4].substring(1, f[4].length() - 1).replace("\"\"", "\"") : f[4]);
                }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code java -cp target/test-classes rootcause.SyntheticSurvey FILE ROWS}, from the project folder. */
    public static void main(String[] args) throws IOException {
        System.out.println(write(Path.of(args[0]), Integer.parseInt(args[1])) + " (" + COMMENTS.size() + " comments)");
    }
}
