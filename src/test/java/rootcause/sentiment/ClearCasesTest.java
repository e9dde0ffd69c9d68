package rootcause.sentiment;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import rootcause.SparkTestSession;
import rootcause.model.Columns;
import rootcause.nlp.NlpSettings;
import rootcause.nlp.NlpStage;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unambiguous complaints and unambiguous praise (48 each, tweet, survey and narrative voice; written before the
 * polarity layer, in {@code rootcause/sentiment/clear-cases.csv}) through the nlp stage exactly as {@code run} builds
 * it with no option: at least 90 % must get the right sign. The count per voice is printed (the narrative voice
 * is the hardest: praise told as a story of a problem solved).
 */
@Tag("corenlp")
class ClearCasesTest {
    private record Case(String voice, Polarity expected, String text) {}

    @Test
    void theShippedDefaultGivesClearCasesTheRightSign() throws Exception {
        List<Case> cases = new ArrayList<>();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/rootcause/sentiment/clear-cases.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                cases.add(new Case(r.get("voice"), Polarity.parse(r.get("expected")), r.get("text")));
            }
        }
        assertThat(cases).hasSize(96);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) rows.add(RowFactory.create("c" + i, cases.get(i).text()));
        Map<String, Double> scores = new TreeMap<>();
        for (Row r : new NlpStage(NlpSettings.defaults())
                .apply(SparkTestSession.get().createDataFrame(rows, NlpStage.INPUT_SCHEMA)).collectAsList()) {
            scores.put(r.getString(r.fieldIndex(Columns.COMPLAINT_ID)), r.getDouble(r.fieldIndex(Columns.SENTIMENT_SCORE)));
        }
        Map<String, int[]> byVoice = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            double s = scores.get("c" + i);
            boolean right = c.expected() == Polarity.NEGATIVE ? s < 0 : s > 0;
            int[] n = byVoice.computeIfAbsent(c.voice(), v -> new int[2]);
            n[0] += right ? 1 : 0;
            n[1]++;
            if (!right) wrong.add(String.format("%s %s %.2f: %s", c.voice(), c.expected().lowerName(), s, c.text()));
        }
        int right = byVoice.values().stream().mapToInt(n -> n[0]).sum();
        StringBuilder perVoice = new StringBuilder();
        byVoice.forEach((voice, n) -> perVoice.append(voice).append(' ').append(n[0]).append('/').append(n[1]).append(' '));
        System.out.printf("clear cases: %d / %d right sign (%s); wrong: %s%n", right, cases.size(), perVoice.toString().trim(), wrong);
        assertThat(right).as("right sign overall; wrong: %s", wrong).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * cases.size()));
    }
}
