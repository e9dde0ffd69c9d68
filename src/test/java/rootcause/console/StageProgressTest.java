package rootcause.console;

import org.apache.spark.api.java.function.ForeachFunction;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import rootcause.SparkTestSession;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A stage's progress reaches the console while executors work, counted from the accumulator their tasks add to. */
class StageProgressTest {

    @Test
    void printsProgressLinesWhileTasksRun() {
        SparkSession spark = SparkTestSession.get();
        LongAccumulator done = spark.sparkContext().longAccumulator("test sentences");
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (StageProgress ignored = new StageProgress("classify, embedding", "sentences", done, 6, 1)) {
            spark.range(6).repartition(6).foreach((ForeachFunction<Long>) x -> {
                Thread.sleep(700);
                done.add(1);
            });
        } finally {
            System.setErr(stderr);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out).as("surefire's stderr is no terminal: plain lines, one a second")
                .containsPattern("(?m)^classify, embedding: [0-6] / 6 sentences \\(\\d+\\.\\d %\\), \\d+\\.\\d sentences/s, ETA ");
    }
}
