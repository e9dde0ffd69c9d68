package rootcause.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the evaluation on tiny hand-written exports shaped like the real ones (no real text in the repo), through the
 * job's profiles and clean stage in local Spark.
 */
class EvaluateTaxonomyCommandTest {
    private static final String CFPB_HEADER = "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,"
            + "Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,"
            + "Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID\n";
    private static final String AIRLINE_HEADER = "tweet_id,airline_sentiment,airline_sentiment_confidence,negativereason,"
            + "negativereason_confidence,airline,airline_sentiment_gold,name,negativereason_gold,retweet_count,text,"
            + "tweet_coord,tweet_created,tweet_location,user_timezone\n";

    private static String cfpbRow(String narrative, String id) {
        return "2019-01-02,P,S,I,S,\"" + narrative + "\",,C,NY,10001,,Consent,Web,2019-01-03,Closed,Yes,N/A," + id + "\n";
    }

    private static String airlineRow(String id, String sentiment, String text) {
        return id + "," + sentiment + ",1.0,,1.0,X,,n,,0," + text + ",,2015-02-24 11:35:52 -0800,,\n";
    }

    private static Path exports(Path dir) throws Exception {
        Files.writeString(dir.resolve("cfpb.csv"), CFPB_HEADER
                + cfpbRow("I was on hold for two hours and nobody called me back. My email is jane@example.com.", "1")
                + cfpbRow("The weather was fine.", "2") + cfpbRow("", "3"));
        Files.writeString(dir.resolve("twcs.csv"),
                ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                        + "0,10,115712,True,Tue Oct 31 22:10:47 +0000 2017,@acme the agent was not rude,,\n"
                        + "1,11,acme,False,Tue Oct 31 22:11:47 +0000 2017,@115712 sorry to hear that,,\n");
        Files.writeString(dir.resolve("airline.csv"), AIRLINE_HEADER
                + airlineRow("100", "negative", "@x the agent hung up on me")
                + airlineRow("101", "negative", "@x my flight to Denver leaves at 6am tomorrow")
                + airlineRow("102", "positive", "@x thanks for the upgrade"));
        return dir;
    }

    private static String run(Path dir, String... extra) {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new EvaluateTaxonomyCommand());
        cmd.setOut(new PrintWriter(out));
        String[] base = {"--input", "cfpb=" + dir.resolve("cfpb.csv"), "--input", "twcs=" + dir.resolve("twcs.csv"),
                "--input", "airline=" + dir.resolve("airline.csv")};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        assertThat(cmd.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void scoresPatternsPerCauseAndSourceThroughTheJobsCleanStage(@TempDir Path dir) throws Exception {
        exports(dir);
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "source,id,cause_ids\ncfpb,1,waiting complaints_not_heard\ncfpb,2,rudeness\n"
                + "twcs,10,\nairline,100,rudeness\n");

        String out = run(dir, "--labels", labels.toString(), "--patterns-only", "--show-errors", "--airline-negatives");

        assertThat(out)
                .contains("patterns only")
                .contains("== " + labels + ": 4 labelled complaints")
                .containsPattern("waiting\\s+1\\s+0\\s+0\\s+1.000\\s+1.000\\s+1.000")
                .containsPattern("rudeness\\s+1\\s+0\\s+1\\s+1.000\\s+0.500\\s+0.667")
                .containsPattern("MICRO\\s+3\\s+0\\s+1\\s+1.000\\s+0.750\\s+0.857")
                .containsPattern("source cfpb\\s+2\\s+0\\s+1\\s+1.000\\s+0.667\\s+0.800")
                .containsPattern("source twcs\\s+0\\s+0\\s+0")
                .contains("exact label-set match: 3 of 4")
                .contains("cfpb 2: gold [rudeness] predicted []")
                // one of the two negative tweets (a plain travel plan) gets no cause
                .contains("airline.csv: 2 negative tweets (human label), no cause: 0.500")
                .doesNotContain("jane@example.com");
    }

    @Test
    void theSemanticLayerAddsNoFalseCauseToARudeTweetOrToPraise(@TempDir Path dir) throws Exception {
        exports(dir);
        Path labels = dir.resolve("labels.csv");
        // "the agent hung up on me" is rudeness by pattern; "thanks for the upgrade" is no cause
        Files.writeString(labels, "source,id,cause_ids\nairline,100,rudeness\nairline,102,\n");
        String patternsOnly = run(dir, "--labels", labels.toString(), "--patterns-only");
        String both = run(dir, "--labels", labels.toString());
        assertThat(patternsOnly).containsPattern("MICRO\\s+1\\s+0\\s+0");
        assertThat(both).contains("patterns + semantic layer").containsPattern("MICRO\\s+1\\s+0\\s+0")
                .contains("exact label-set match: 2 of 2");
    }

    /**
     * --sweep scores the labelled complaints again at each point of the grid, one line each, labelled with the decision
     * swept: the built-in taxonomy's, {@code head} (it was labelled nearest_example), whose second setting is the
     * patterns' confirmation (a margin, which a head does not use, was swept three times over with equal scores).
     */
    @Test
    void sweepScoresAGridOfThresholdsLabelledWithTheTaxonomysDecision(@TempDir Path dir) throws Exception {
        exports(dir);
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "source,id,cause_ids\nairline,100,rudeness\nairline,102,\ncfpb,1,waiting\n");
        String decision = rootcause.classify.TaxonomyLoader.loadDefault().semantic().decision().yaml();
        String out = run(dir, "--labels", labels.toString(), "--sweep");
        assertThat(out).contains("sweep: decision threshold [margin or confirm] -> micro precision recall f1");
        assertThat(decision).as("the built-in taxonomy's decision").isEqualTo("head");
        assertThat(out.lines().filter(l -> l.matches("  " + decision + " \\d\\.\\d{3} confirm \\d\\.\\d{2} -> .*")).count())
                .as("one line per point of the grid, each labelled " + decision).isEqualTo(51L);
        assertThat(out).doesNotContain("nearest_example").doesNotContain("margin 0.");
        assertThat(out).as("the union is on the grid").contains(" confirm 0.00 -> ");
    }

    @Test
    void failsOnALabelForAComplaintNotInTheInputs(@TempDir Path dir) throws Exception {
        exports(dir);
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "source,id,cause_ids\ncfpb,999,waiting\ncfpb,3,waiting\n");
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new EvaluateTaxonomyCommand());
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute("--input", "cfpb=" + dir.resolve("cfpb.csv"), "--labels", labels.toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("2 labelled complaint(s) are not among the accepted complaints")
                .contains("cfpb,999").contains("cfpb,3");
    }

    @Test
    void rejectsAnUnknownCauseInTheLabels(@TempDir Path dir) throws Exception {
        exports(dir);
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "source,id,cause_ids\ncfpb,1,waitin\n");
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new EvaluateTaxonomyCommand());
        cmd.setErr(new PrintWriter(err));
        assertThat(cmd.execute("--input", "cfpb=" + dir.resolve("cfpb.csv"), "--labels", labels.toString())).isNotZero();
        assertThat(err.toString()).contains("record 1: unknown cause id 'waitin'");
    }
}
