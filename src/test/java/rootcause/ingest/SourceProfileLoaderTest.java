package rootcause.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.model.ConfigException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SourceProfileLoaderTest {

    private static SourceProfile parse(String yaml) {
        return SourceProfileLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void loadsEveryBuiltInProfile() {
        for (String name : SourceProfileLoader.BUILT_IN) {
            SourceProfile p = SourceProfileLoader.load(name);
            assertThat(p.name()).isEqualTo(name);
            assertThat(p.dateFormats()).isNotEmpty();
        }
    }

    @Test
    void cfpbFiltersRowsWithoutNarrativeAndReadsBothDateStyles() {
        SourceProfile cfpb = SourceProfileLoader.load("cfpb");
        assertThat(cfpb.missingText()).isEqualTo(SourceProfile.MissingText.FILTER);
        assertThat(cfpb.columns().text()).isEqualTo("Consumer complaint narrative");
        ComplaintDates dates = new ComplaintDates(cfpb.dateFormats());
        assertThat(dates.parse("2019-09-24")).hasToString("2019-09-24");
        assertThat(dates.parse("03/22/23")).hasToString("2023-03-22");
    }

    @Test
    void twcsKeepsOnlyInboundTweets() {
        SourceProfile twcs = SourceProfileLoader.load("twcs");
        assertThat(twcs.filters()).singleElement().satisfies(f -> {
            assertThat(f.column()).isEqualTo("inbound");
            assertThat(f.keep()).contains("True");
            assertThat(f.reason()).isEqualTo("company_reply");
        });
    }

    @Test
    void reportsEveryProblemAtOnceWithKeyAndValue() {
        String yaml = """
                name: Bad Name
                encoding: no-such-charset
                colums: {}
                date_formats: ["yyyy-MM-dd", "yyyy-QQQQ-bogus{"]
                missing_text: sometimes
                max_text_chars: -3
                filters:
                  - column: inbound
                    reason: Company Reply
                """;
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining("colums: unknown key")
                .hasMessageContaining("columns: missing")
                .hasMessageContaining("test.yaml: name: must be lower-case letters, digits, '-' or '_' (found: 'Bad Name')")
                .hasMessageContaining("encoding: not a charset this JVM knows")
                .hasMessageContaining("(found: 'no-such-charset')")
                .hasMessageContaining("date_formats[1]")
                .hasMessageContaining("missing_text: not allowed; use 'reject' or 'filter' (found: 'sometimes')")
                .hasMessageContaining("max_text_chars: must be a positive whole number (found: -3)")
                .hasMessageContaining("filters[0].keep: missing")
                .hasMessageContaining("filters[0].reason: must be a snake_case code such as company_reply (found: 'Company Reply')")
                .hasMessageContaining("invalid (9 problems)");
    }

    @Test
    void requiresIdTextAndDateColumns() {
        String yaml = """
                name: mine
                columns: {text: body}
                date_formats: [yyyy-MM-dd]
                """;
        assertThatThrownBy(() -> parse(yaml))
                .hasMessageContaining("columns.id: missing")
                .hasMessageContaining("columns.date: missing")
                .hasMessageNotContaining("columns.text");
    }

    @Test
    void loadsAUserProfileByPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("helpdesk.yaml");
        Files.writeString(file, """
                name: helpdesk
                columns: {id: ticket, text: body, date: opened, channel: via}
                date_formats: ["dd.MM.yyyy"]
                null_values: ["", "-"]
                """);
        SourceProfile p = SourceProfileLoader.load(file.toString());
        assertThat(p.name()).isEqualTo("helpdesk");
        assertThat(p.columns().mapped()).containsEntry("channel", "via").doesNotContainKey("product");
        assertThat(p.missingText()).isEqualTo(SourceProfile.MissingText.REJECT);
        assertThat(p.nullValues()).containsExactly("", "-");
    }

    @Test
    void unknownNameThatIsNoFileSaysWhichProfilesExist() {
        assertThatThrownBy(() -> SourceProfileLoader.load("zendesk"))
                .hasMessageContaining("zendesk")
                .hasMessageContaining("cfpb, twcs, airline, survey");
    }

    @Test
    void aMisspeltKeyFailsNamingItsPathAndTheOtherProblemsStillShow() {
        String yaml = """
                name: mine
                columns: {id: ticket, text: body, date: opened, chanel: via}
                date_formats: [yyyy-MM-dd]
                filters:
                  - column: inbound
                    keep: ["True"]
                    reason: company_reply
                    because: replies
                missing_text: never
                """;
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(yaml));
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "test.yaml: columns.chanel: unknown key; allowed: [channel, date, id, product, region, score, text]",
                "test.yaml: filters[0].because: unknown key; allowed: [column, keep, reason]",
                "test.yaml: missing_text: not allowed; use 'reject' or 'filter' (found: 'never')");
    }

    @Test
    void aScoreMayBeDeclaredAnNpsAnswerAndOnlyThat() {
        String base = "name: mine\ncolumns: {id: a, text: b, date: c, score: s}\ndate_formats: [yyyy-MM-dd]\n";
        assertThat(parse(base + "score_scale: nps\n").scoreScale()).isEqualTo(rootcause.model.Columns.NPS_SCALE);
        assertThat(parse(base).scoreScale()).as("any numeric score").isNull();
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> parse(base + "score_scale: stars\n"));
        assertThat(e.problems()).containsExactly("test.yaml: score_scale: not allowed; use 'nps' (0–10 answers) or leave "
                + "it out (any numeric score) (found: 'stars')");
        ConfigException noScore = catchThrowableOfType(ConfigException.class, () -> parse(
                "name: mine\ncolumns: {id: a, text: b, date: c}\ndate_formats: [yyyy-MM-dd]\nscore_scale: nps\n"));
        assertThat(noScore.problems()).containsExactly(
                "test.yaml: score_scale: declares the scale of a score, but columns.score is not mapped (found: 'nps')");
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPath() {
        assertThatThrownBy(() -> parse("name: mine\ncolumns: {id: a, text: b, date: c}\ndate_formats: [yyyy-MM-dd]\n"
                + "max_text_chars: lots\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("test.yaml: max_text_chars: ");
    }
}
