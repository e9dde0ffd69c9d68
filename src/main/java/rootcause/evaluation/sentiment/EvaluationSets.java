package rootcause.evaluation.sentiment;

import rootcause.sentiment.Polarity;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the human-labelled evaluation files (the files and their use: docs/EVALUATION.md). Pure; runs on the driver. */
public final class EvaluationSets {
    private EvaluationSets() {}

    public static final String SST2_TEST = "sst2_binary_test.tsv";
    public static final String AIRLINE_TWEETS = "airline_tweets_Tweets.csv";

    /** SST-2 binary test: header {@code sentiment<TAB>text}, label 0 negative / 1 positive; id = line number. */
    public static List<LabelledText> sst2(Path file) throws IOException {
        return sst2(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    static List<LabelledText> sst2(List<String> lines, String name) {
        List<LabelledText> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            int tab = line.indexOf('\t');
            String label = tab < 0 ? "" : line.substring(0, tab).trim();
            Polarity gold = switch (label) {
                case "0" -> Polarity.NEGATIVE;
                case "1" -> Polarity.POSITIVE;
                default -> throw new IllegalArgumentException(name + " line " + (i + 1)
                        + ": label must be 0 or 1, got '" + label + "'");
            };
            out.add(new LabelledText(Integer.toString(i + 1), line.substring(tab + 1), gold));
        }
        return out;
    }

    /** Airline tweets: columns tweet_id, airline_sentiment (negative/neutral/positive), text. */
    public static List<LabelledText> airlineTweets(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return airlineTweets(r);
        }
    }

    static List<LabelledText> airlineTweets(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<LabelledText> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord rec : parser) {
                out.add(new LabelledText(rec.get("tweet_id"), rec.get("text"), Polarity.parse(rec.get("airline_sentiment"))));
            }
        }
        return out;
    }

    /** Every k-th text (k = ceil(size / n)) starting at the first, at most n: a deterministic spread-out subset. */
    public static <T> List<T> everyKth(List<T> all, int n) {
        if (n <= 0 || n >= all.size()) return all;
        int k = (all.size() + n - 1) / n;
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size() && out.size() < n; i += k) out.add(all.get(i));
        return out;
    }
}
