package rootcause.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the evaluation on tiny hand-written exports shaped like the real ones (no real text in the repo). */
class EvaluateTaxonomyCommandTest {
    private static final String CFPB_HEADER = "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,"
            + "Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,"
            + "Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID\n";

    private static String cfpbRow(String narrative, String id) {
        return "2019-01-02,P,S,I,S,\"" + narrative + "\",,C,NY,10001,,Consent,Web,2019-01-03,Closed,Yes,N/A," + id + "\n";
    }

    @Test
    void scoresLabelsAirlineReasonsAndCoverage(@TempDir Path dir) throws Exception {
        String cfpb = CFPB_HEADER + cfpbRow("I was on hold for two hours and nobody called me back.", "1")
                + cfpbRow("The weather was fine.", "2") + cfpbRow("", "3");
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.CFPB_2015), cfpb);
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.CFPB_2023), cfpb);
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.CFPB_2012), cfpb);
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.TWCS),
                ",tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                        + "0,10,115712,True,Tue Oct 31 22:10:47 +0000 2017,@acme the agent was not rude,,\n"
                        + "1,11,acme,False,Tue Oct 31 22:11:47 +0000 2017,@115712 sorry to hear that,,\n");
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.AIRLINE),
                "tweet_id,airline_sentiment,airline_sentiment_confidence,negativereason,negativereason_confidence,airline,"
                        + "airline_sentiment_gold,name,negativereason_gold,retweet_count,text,tweet_coord,tweet_created,"
                        + "tweet_location,user_timezone\n"
                        + "100,negative,1.0,Customer Service Issue,1.0,X,,n,,0,@x the agent hung up on me,,2015-02-24 11:35:52 -0800,,\n"
                        + "101,negative,1.0,Customer Service Issue,1.0,X,,n,,0,@x worst service ever,,2015-02-24 11:35:52 -0800,,\n"
                        + "102,negative,1.0,Late Flight,1.0,X,,n,,0,@x my flight is Late Flightr &amp; delayed,,2015-02-24 11:35:52 -0800,,\n");
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "source,id,cause_ids\ncfpb,1,waiting complaints_not_heard\ncfpb,2,rudeness\n"
                + "twcs,10,\nairline,102,product_fault\n");

        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new EvaluateTaxonomyCommand());
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute("--data-dir", dir.toString(), "--labels", labels.toString(), "--skip-coverage");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("== Hand-labelled set: 4 complaints")
                .containsPattern("waiting\\s+1\\s+0\\s+0\\s+1.000\\s+1.000\\s+1.000")
                .containsPattern("rudeness\\s+0\\s+0\\s+1\\s+n/a\\s+0.000\\s+0.000")
                .containsPattern("MICRO\\s+3\\s+0\\s+1\\s+1.000\\s+0.750\\s+0.857")
                .contains("exact label-set match: 3 of 4")
                .contains("people/knowledge/process cause: 1 of 2 (0.500")
                .contains("with a people cause: 0 of 1 (0.000")
                .containsPattern("cfpb_complaints_sample_2015_2020.csv \\(narratives\\)\\s+2 complaints, unclassified 0.500")
                .containsPattern("\\(inbound\\)\\s+1 complaints, unclassified 1.000");
    }

    @Test
    void keepsExcludedTweetsOutOfTheUnmatchedListingAndCountsLabelledServiceTweets(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.CFPB_2015), CFPB_HEADER);
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.TWCS), ",tweet_id,author_id,inbound,created_at,text\n");
        StringBuilder airline = new StringBuilder("tweet_id,negativereason,text\n");
        for (int i = 1; i <= 14; i++) { // the listing shows every 7th unmatched service tweet
            airline.append(200 + i).append(",Customer Service Issue,@x worst service ever number ").append(i).append('\n');
        }
        airline.append("300,Customer Service Issue,@x on hold for 2 hrs\n");
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.AIRLINE), airline.toString());
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "source,id,cause_ids\nairline,300,waiting\nairline,201,\n");
        Path heldOut = dir.resolve("heldout.csv");
        Files.writeString(heldOut, "source,id,cause_ids\nairline,207,\n");

        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new EvaluateTaxonomyCommand());
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute("--data-dir", dir.toString(), "--labels", labels.toString(), "--skip-coverage",
                "--skip-all-rows", "--show-unmatched-service", "5", "--exclude-from-tuning", heldOut.toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("labels 1 of 2 (0.500), matcher 1 of 2 (0.500)")
                .contains("unmatched service tweet 214:")
                .doesNotContain("unmatched service tweet 207:")
                .doesNotContain("== Unclassified share");
    }

    @Test
    void failsOnALabelForAnUnknownComplaint(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.CFPB_2015), CFPB_HEADER);
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.TWCS), ",tweet_id,author_id,inbound,created_at,text\n");
        Files.writeString(dir.resolve(EvaluateTaxonomyCommand.AIRLINE), "tweet_id,negativereason,text\n");
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "source,id,cause_ids\ncfpb,999,waiting\n");
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new EvaluateTaxonomyCommand());
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute("--data-dir", dir.toString(), "--labels", labels.toString(), "--skip-coverage");
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("line 1: no cfpb complaint with id 999");
    }
}
