package rootcause.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The airline export's human sentiment column, read by id. */
class HumanSentimentTest {
    @Test
    void readsTheSampleAirlineExportsLabelsById() throws Exception {
        Path export;
        try (var files = Files.list(Path.of("data-samples", "airline"))) {
            export = files.filter(f -> f.toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
        }
        Map<String, String> labels = HumanSentiment.read(export, "tweet_id", "airline_sentiment");
        assertThat(labels).containsEntry("1963001112223330001", "negative");
        assertThat(labels.values()).allMatch(v -> v.equals("negative") || v.equals("neutral") || v.equals("positive"));
    }

    @Test
    void theFirstRecordOfARepeatedIdWinsAndMissingColumnsAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "tweet_id,airline_sentiment,text\n1,negative,a\n1,positive,b\n2,neutral,c\n");
        assertThat(HumanSentiment.read(file, "tweet_id", "airline_sentiment")).containsExactlyInAnyOrderEntriesOf(
                Map.of("1", "negative", "2", "neutral"));
        assertThatThrownBy(() -> HumanSentiment.read(file, "id", "airline_sentiment")).hasMessageContaining("needs columns 'id'");
    }
}
