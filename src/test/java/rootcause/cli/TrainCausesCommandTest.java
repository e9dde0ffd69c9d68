package rootcause.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import rootcause.classify.ComplaintClassifier;
import rootcause.classify.SemanticSettings;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.model.CauseMatch;
import rootcause.nlp.LemmaAnalyzer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** train-causes on a small hand-written survey export and its labels, through the job's profile and clean stage. */
class TrainCausesCommandTest {
    private static final String[][] ANSWERS = {
            {"1", "The croissants were stale and hard as a rock.", "product_fault"},
            {"2", "My bread was stale again this morning.", "product_fault"},
            {"3", "Every loaf I bought this week was stale by noon.", "product_fault"},
            {"4", "Stale pastries for the third time, call me at 555-201-7788.", "product_fault"},
            {"5", "Lovely bakery, friendly people.", ""},
            {"6", "I come here every Sunday with my kids.", ""},
            {"7", "The coffee was great and the music nice.", ""},
            {"8", "Parking is easy behind the shop.", ""},
    };

    @Test
    void crossValidatesAndWritesABundleThatRunLoads(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("response_id,submitted_at,channel,score,comments\n");
        StringBuilder labels = new StringBuilder("source,id,cause_ids\n");
        for (String[] a : ANSWERS) {
            csv.append(a[0]).append(",2025-03-0").append(a[0]).append(" 10:00:00,web,3,\"").append(a[1]).append("\"\n");
            labels.append("survey,").append(a[0]).append(',').append(a[2]).append('\n');
        }
        Path export = Files.writeString(dir.resolve("survey.csv"), csv.toString());
        Path labelFile = Files.writeString(dir.resolve("labels.csv"), labels.toString());
        Path out = dir.resolve("bundle");

        StringWriter stdout = new StringWriter();
        CommandLine cmd = new CommandLine(new TrainCausesCommand());
        cmd.setOut(new PrintWriter(stdout));
        int code = cmd.execute("--labels", labelFile.toString(), "--input", "survey=" + export, "--folds", "2",
                "--output", out.toString());

        assertThat(code).isZero();
        String printed = stdout.toString();
        assertThat(printed).contains("2-fold cross-validation").containsPattern("product_fault\\s+\\d+\\s+\\d+\\s+\\d+");
        String[] lines = printed.trim().split("\\n");
        assertThat(lines[lines.length - 1]).matches("cv micro precision=\\d\\.\\d{3} recall=\\d\\.\\d{3} f1=\\d\\.\\d{3} folds=2 n=8");
        assertThat(out.resolve("cross-validation.txt")).exists();

        Taxonomy bundle = TaxonomyLoader.load(out);
        Taxonomy shipped = TaxonomyLoader.loadDefault();
        assertThat(bundle.version()).isEqualTo(shipped.version() + "+trained");
        // The shipped taxonomy's trained head, adjusted to the analyst's sentences, is the bundle's own head file:
        // data, not sentences to retrain on at run time.
        assertThat(bundle.semantic().decision()).isEqualTo(SemanticSettings.Decision.HEAD);
        assertThat(bundle.semantic().training()).isEmpty();
        assertThat(out.resolve("cause-head.json")).exists();
        int fault = shipped.causes().stream().map(c -> c.id()).toList().indexOf("product_fault");
        int morale = shipped.causes().stream().map(c -> c.id()).toList().indexOf("staff_morale");
        assertThat(bundle.semantic().head().weights(fault)).isNotEqualTo(shipped.semantic().head().weights(fault));
        // A cause no labelled sentence shows keeps the shipped weights.
        assertThat(bundle.semantic().head().weights(morale)).containsExactly(shipped.semantic().head().weights(morale));
        // The clean stage redacted the phone number before anything entered the bundle.
        assertThat(Files.readString(out.resolve("taxonomy.yaml")) + Files.readString(out.resolve("cause-head.json")))
                .doesNotContain("555-201-7788");

        // The trained layer finds the analyst's cause in new words no pattern knows.
        List<CauseMatch> matches = new ComplaintClassifier(bundle).classify(
                new LemmaAnalyzer().sentences("The muffins were stale and dry again."));
        assertThat(matches).extracting(CauseMatch::causeId).contains("product_fault");
    }

    @Test
    void refusesAnOutputThatIsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Path labels = Files.writeString(dir.resolve("labels.csv"), "source,id,cause_ids\n");
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new TrainCausesCommand());
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute("--labels", labels.toString(), "--input", "survey=" + file, "--output", file.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("is a file, not a folder");
    }
}
