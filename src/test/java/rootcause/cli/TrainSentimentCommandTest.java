package rootcause.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import rootcause.nlp.LemmaAnalyzer;
import rootcause.sentiment.Polarity;
import rootcause.sentiment.PolarityModel;
import rootcause.sentiment.SentimentModelFile;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * train-sentiment on a small survey export whose score column (CSAT 1-5) is the label, through the job's profile,
 * clean stage and nlp stage; the model it writes is the one run --sentiment-model loads.
 */
@Tag("corenlp")
class TrainSentimentCommandTest {
    private static final String[][] ANSWERS = {
            {"1", "1", "The parcel never came and nobody answers the phone."},
            {"2", "2", "Charged twice and still waiting for the refund."},
            {"3", "1", "The agent hung up on me. Awful."},
            {"4", "2", "My order arrived broken and the store refused to replace it."},
            {"5", "1", "Three weeks and the internet is still down."},
            {"6", "5", "Lovely staff, my problem was fixed in minutes."},
            {"7", "4", "Quick delivery and everything was perfect, thank you!"},
            {"8", "5", "The technician was friendly and explained everything."},
            {"9", "5", "Great value and a very helpful team."},
            {"10", "4", "Easy return, the refund came the next day."},
            {"11", "3", "I ordered a lamp on Monday."},
            {"12", "3", "Do you open on Sundays?"},
            {"13", "3", "I sent the form by email yesterday."},
            {"14", "3", "My account number is in the letter."},
            {"15", "", "No score given for this one."},
            // The same text twice: both must fall in one fold.
            {"16", "1", "The parcel never came and nobody answers the phone."},
    };

    @Test
    void crossValidatesPrintsTheSummaryLineAndWritesAModelRunLoads(@TempDir Path dir) throws Exception {
        Path export = surveyExport(dir);
        Path out = dir.resolve("model");

        StringWriter stdout = new StringWriter();
        CommandLine cmd = new CommandLine(new TrainSentimentCommand());
        cmd.setOut(new PrintWriter(stdout));
        int code = cmd.execute("--input", "survey=" + export, "--label-column", "score", "--folds", "2",
                "--ablation", "--output", out.toString());

        assertThat(code).isZero();
        String printed = stdout.toString();
        assertThat(printed).contains("15 labelled texts (five-point scale), 1 rows without a label on that scale skipped")
                .contains("features rntn alone: cv accuracy=").contains("features ngrams alone: cv accuracy=")
                .contains("features embeddings alone: cv accuracy=")
                .contains("| human \\ predicted | negative | neutral | positive |");
        String[] lines = printed.trim().split("\\n");
        assertThat(lines[lines.length - 1]).matches("cv accuracy=\\d\\.\\d{3} macro_f1=\\d\\.\\d{3} folds=2 n=15");
        assertThat(out.resolve(SentimentModelFile.ABOUT)).content().contains("\"label_scale\" : \"five_point\"");

        SentimentModelFile model = SentimentModelFile.named(out.toString());
        assertThat(model.sha256()).hasSize(64);
        PolarityModel polarity = model.model();
        assertThat(polarity.needsParser()).isTrue();
        assertThat(polarity.trainedOn()).contains("column score").contains("15 texts");
        // Trained on its own words, the model reads a new complaint in them as negative (lemmas alone suffice here).
        assertThat(polarity.predict(new LemmaAnalyzer().sentences("Nobody answers and the parcel never came.")))
                .isEqualTo(Polarity.NEGATIVE);
    }

    @Test
    void aParserFreeModelMakesRunSkipTheParserAndTheManifestSaysWhichModelRan(@TempDir Path dir) throws Exception {
        Path export = surveyExport(dir);
        Path model = dir.resolve("model");
        CommandLine train = new CommandLine(new TrainSentimentCommand());
        train.setOut(new PrintWriter(new StringWriter()));
        assertThat(train.execute("--input", "survey=" + export, "--label-column", "score", "--folds", "2",
                "--features", "ngrams", "--output", model.toString())).isZero();
        assertThat(SentimentModelFile.named(model.toString()).model().needsParser()).isFalse();

        Path out = dir.resolve("out");
        CommandLine run = new CommandLine(new RunCommand());
        run.setOut(new PrintWriter(new StringWriter()));
        assertThat(run.execute("--input", "survey=" + export, "--output", out.toString(), "--stop-after", "nlp",
                "--sentiment-model", model.toString())).isZero();

        com.fasterxml.jackson.databind.JsonNode nlp = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("manifest.json").toFile()).get("nlp");
        assertThat(nlp.get("parser_model").asText()).isEqualTo("none (parser-free sentiment model)");
        assertThat(nlp.get("sentiment_model").asText()).isEqualTo(model.toAbsolutePath().toString());
        assertThat(nlp.get("sentiment_model_sha256").asText()).isEqualTo(SentimentModelFile.named(model.toString()).sha256());
        assertThat(nlp.get("sentiment_model_features").asText()).isEqualTo("[NGRAMS]");
        var rows = rootcause.SparkTestSession.get().read().parquet(out.resolve("complaints").toString())
                .selectExpr("explode(sentences) as s").selectExpr("s.sentiment", "s.polarity").collectAsList();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getInt(0)).as("no parser ran").isEqualTo(-1));
        assertThat(rows).anySatisfy(r -> assertThat(r.getDouble(1)).isNotZero());
    }

    /** The answers as a survey export whose score column is the label. */
    private static Path surveyExport(Path dir) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("response_id,submitted_at,channel,score,comments\n");
        for (String[] a : ANSWERS) {
            csv.append(a[0]).append(",2025-03-01 10:00:00,web,").append(a[1]).append(",\"").append(a[2]).append("\"\n");
        }
        return Files.writeString(dir.resolve("survey.csv"), csv.toString());
    }

    @Test
    void refusesToRunWithoutLabels(@TempDir Path dir) throws Exception {
        Path export = Files.writeString(dir.resolve("survey.csv"), "response_id,submitted_at,channel,score,comments\n");
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new TrainSentimentCommand());
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute("--input", "survey=" + export, "--output", dir.resolve("m").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("give exactly one of --label-column COL and --labels CSV");
    }
}
