package rootcause.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import rootcause.evaluation.sentiment.EvaluationSets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluateCommandTest {
    /** A few texts in the two sets' shapes; the verb prints one Markdown section per set, parser and model. */
    @Test
    void scoresEachSetAndParserAndWritesThePredictions(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(EvaluationSets.SST2_TEST), """
                sentiment\ttext
                0\tThe film is a dull , lifeless mess .
                1\tA warm , funny and moving picture .
                0\tI hated every minute of it .
                """);
        Files.writeString(dir.resolve(EvaluationSets.AIRLINE_TWEETS), """
                tweet_id,text,airline_sentiment
                1,@airline my bag is lost again and nobody answers the phone,negative
                2,@airline thank you for the lovely crew today,positive
                3,@airline what time does the gate open,neutral
                """);
        Path predictions = dir.resolve("predictions");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code = new CommandLine(new EvaluateCommand()).execute("sentiment", "--data", dir.toString(),
                    "--parsers", "sr,srGated", "--threads", "1", "--predictions", predictions.toString());
        } finally {
            System.setOut(stdout);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(out).contains("### sst, sr parser (", "): CoreNLP's RNTN alone", "### airline, srGated parser (",
                        "): polarity layer, model ", "- texts: 3 (all); sentences: ", "- accuracy (neutral predictions count wrong): ",
                        "- the layer itself took ");
        for (String name : new String[]{"sst-sr", "sst-sr-layer", "sst-srGated", "airline-sr", "airline-sr-layer",
                "airline-srGated-layer"}) {
            assertThat(predictions.resolve(name + ".tsv")).as(name).exists();
            assertThat(Files.readAllLines(predictions.resolve(name + ".tsv"))).as(name).hasSize(3);
        }
    }
}
