package rootcause.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainCommandTest {
    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new ExplainCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void showsSentencesSentimentAndWhichPatternMatchedWhichWords() {
        Result r = run("I was on hold for two hours. Then the agent hung up on me.");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .containsPattern("document sentiment -0\\.\\d\\d \\((negative|neutral); sentiment model default\\)")
                .containsPattern("\\[0] polarity -0\\.\\d\\d, CoreNLP sentiment \\d ")
                .contains("I was on hold for two hours.")
                .contains("MATCH waiting (process): pattern \"on hold\" matched \"on hold\"")
                .contains("MATCH rudeness (people): pattern \"hang up on\" matched \"hang up on\"")
                .containsPattern("causes:\\n  rudeness \\(people\\) matched by pattern, sentiment -?\\d\\.\\d\\d from 2 piece")
                .contains("  waiting (process)");
    }

    @Test
    void saysWhyNothingMatched() {
        Result r = run("The agent was not rude. The weather was nice.");
        assertThat(r.out())
                .contains("suppressed rudeness: pattern \"rude*\" matched \"rude\" but is negated by \"not\"")
                .contains("[1] polarity ")
                .contains("    no pattern matched")
                // Every signal is shown: the model's nearest misses with their score, nearest example and reason.
                .containsPattern("no model match \\w+: model score 0\\.\\d{3}, nearest example \".+\" but probability 0\\.\\d{3} below the threshold")
                .contains("causes: unclassified");
    }

    @Test
    void readsTheTextFromAFileAndUsesAnotherTaxonomy(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("complaint.txt");
        Files.writeString(text, "The parcel was soggy.");
        Path taxonomy = dir.resolve("t.yaml");
        Files.writeString(taxonomy, """
                id: wet
                version: "0.1"
                articles: [{file: 003_039ae2bc7a7aed50.txt, title: A3}]
                groups: [{id: systems, name: Systems}]
                causes:
                  - id: wet_parcels
                    name: Wet parcels
                    group: systems
                    description: parcels arrive wet
                    articles: [003_039ae2bc7a7aed50.txt]
                    patterns: [parcel * soggy|wet]
                """);
        Result r = run("--file", text.toString(), "--taxonomy", taxonomy.toString());
        assertThat(r.out()).contains("taxonomy wet 0.1 (1 causes)")
                .contains("MATCH wet_parcels (systems): pattern \"parcel * soggy|wet\" matched \"parcel be soggy\"");
    }

    @Test
    void needsExactlyOneOfTextOrFile() {
        Result r = run();
        assertThat(r.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(r.err()).contains("give either TEXT or --file PATH");
    }
}
