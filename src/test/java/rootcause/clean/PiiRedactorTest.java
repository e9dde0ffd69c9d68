package rootcause.clean;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PiiRedactorTest {
    private final PiiRedactor redactor = new PiiRedactor();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mail me at jane.doe@example.com now|mail me at [email] now",
            "J_Smith+bank@mail.co.uk.|[email].",
            "Contact: FOO@BAR.ORG|Contact: [email]",
    })
    void redactsEmails(String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "call (555) 123-4567 please|call [phone] please",
            "call 555-123-4567.|call [phone].",
            "call 555.123.4567|call [phone]",
            "call +1 555 123 4567|call [phone]",
            "call 1-800-555-0199 today|call [phone] today",
            "call 5551234567|call [phone]",
            "call +44 20 7946 0958 in London|call [phone] in London",
            "ring +49 30 123456 78|ring [phone]",
            "Contact: +49 170 555 1234|Contact: [phone]",
            "my cell is 555 123 4567|my cell is [phone]",
            "on hold for an hour...919-555-0185|on hold for an hour...[phone]",
    })
    void redactsPhoneNumbersInUsAndInternationalFormats(String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "card 4111 1111 1111 1111 was charged|card [card] was charged",
            "card 4111-1111-1111-1111|card [card]",
            "card 4111111111111111.|card [card].",
            "amex 3782 822463 10005 declined|amex [card] declined",
    })
    void redactsCardNumbersWrittenWithSpaces(String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @Test
    void redactsLongDigitRunsThatFailLuhnAsAccounts() {
        assertThat(PiiRedactor.passesLuhn("4111111111111112")).isFalse();
        assertThat(redactor.redact("number 4111 1111 1111 1112 typo")).isEqualTo("number [account] typo");
        assertThat(redactor.redact("ref 1234567890123")).isEqualTo("ref [account]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my account number is 4452|my account number is [account]",
            "acct # 99812|acct # [account]",
            "Routing number: 021000021|Routing number: [account]",
            "member number 7781 2290|member number [account]",
            "loan no. 55123|loan no. [account]",
            "account ending in 4432|account [account]",
            "deposit to 12345678 failed|deposit to [account] failed",
            "Account #: 000123456789|Account #: [account]",
            "Case ID 8544484 still open|Case ID [account] still open",
            "complaint ref.8441639 ignored|complaint ref.[account] ignored",
    })
    void redactsAccountAndRoutingNumbers(String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SSN 123-45-6789 was used|SSN [ssn] was used",
            "ssn: 123 45 6789|ssn: [ssn]",
    })
    void redactsSocialSecurityNumbers(String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "I live at 123 Main Street in town|I live at [address] in town",
            "sent to 45 Oak Ave, Apt 3 yesterday|sent to [address] yesterday",
            "moved to 7 N. Elm Rd.|moved to [address].",
            "office at 1600 Pennsylvania Avenue|office at [address]",
            "at 221b Baker St now|at [address] now",
            "mail PO Box 4471 please|mail [address] please",
            "12 5th Avenue|[address]",
            "the store at 12008 blue ridge blvd, grandview|the store at [address], grandview",
    })
    void redactsStreetAddresses(String text, String expected) {
        assertThat(redactor.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "On 2019-09-24 I was charged",
            "letter dated 03/22/23 and 12/01/2025",
            "charged $1,000.00 and then $25.99 again",
            "a fee of 1000.00 dollars",
            "called at 11:35:52 -0800 and 9:30 am",
            "I called 3 times and waited 2 hours",
            "flight 1234 was late",
            "order #112-4455667-1122334 is missing",
            "I have been a customer for 12 years since 2013",
            "I waited 45 minutes on the way home",
            "I SPOKE TO 3 AGENTS ON THE WAY HOME",
            "My account was closed after 14 days",
            "the loan of 5000 was paid",
            "they report my account 30 60 90 days late",
            "I drove 120 miles on the highway",
            "I look forward to the 240 kms drive to the office",
            "a 500 mile road trip",
            "pi is 3.14159265 roughly",
            "version 10.2.1 of the app",
            "it took 1,234,567 steps",
            "rated 4.5 out of 5",
            "Tue Oct 31 22:10:47 +0000 2017",
            "on [date] I paid $1000.00",
    })
    void keepsDatesAndMoney(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
        assertThat(redactor.containsPii(text)).isFalse();
    }

    @Test
    void containsPiiFindsEachKind() {
        assertThat(redactor.containsPii("a@b.com")).isTrue();
        assertThat(redactor.containsPii("(555) 123-4567")).isTrue();
        assertThat(redactor.containsPii("4111 1111 1111 1111")).isTrue();
        assertThat(redactor.containsPii("123-45-6789")).isTrue();
        assertThat(redactor.containsPii("12 Main Street")).isTrue();
        assertThat(redactor.containsPii("account 12345")).isTrue();
        assertThat(redactor.containsPii("nothing personal here")).isFalse();
        assertThat(redactor.containsPii(null)).isFalse();
    }

    @Test
    void nullStaysNull() {
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void redactsSeveralKindsInOneText() {
        String text = "I'm Jane (jane@x.io, 555-867-5309), card 5500 0000 0000 0004, SSN 078-05-1120, 9 Elm Street.";
        assertThat(redactor.redact(text))
                .isEqualTo("I'm Jane ([email], [phone]), card [card], SSN [ssn], [address].");
    }

    @Test
    void redactingIsIdempotentAndLeavesNoPii() {
        for (String text : generatedTexts()) {
            String once = redactor.redact(text);
            assertThat(redactor.redact(once)).as("redact twice: %s", text).isEqualTo(once);
            assertThat(redactor.containsPii(once)).as("PII left in: %s -> %s", text, once).isFalse();
        }
    }

    @Test
    void generatedTextsReallyContainPii() {
        long withPii = generatedTexts().stream().filter(redactor::containsPii).count();
        assertThat(withPii).isGreaterThan(generatedTexts().size() / 2);
    }

    @Test
    void noSeededPiiSurvivesCleaningOfTheDataSamples() throws IOException {
        // The PII values; the seeded name is NameRedactor's (SampleRunTest checks it in the outputs).
        List<String> seeded = rootcause.OutputContract.SEEDED_IN_DATA_SAMPLES.stream()
                .filter(v -> v.chars().anyMatch(Character::isDigit) || v.contains("@")).toList();
        TextNormalizer normalizer = new TextNormalizer();
        StringBuilder raw = new StringBuilder();
        StringBuilder cleaned = new StringBuilder();
        for (String file : List.of("cfpb/complaints.csv", "cfpb-export/complaints-2025-11-20_10_00.csv",
                "twcs/twcs.csv", "airline/tweets.csv", "survey/survey.csv")) {
            try (Reader in = Files.newBufferedReader(Path.of("data-samples", file), StandardCharsets.UTF_8)) {
                for (CSVRecord record : CSVFormat.DEFAULT.parse(in)) {
                    for (String cell : record) {
                        String clean = redactor.redact(normalizer.normalize(cell));
                        assertThat(redactor.containsPii(clean)).as("%s: %s", file, clean).isFalse();
                        raw.append(cell).append('\n');
                        cleaned.append(clean).append('\n');
                    }
                }
            }
        }
        assertThat(seeded).hasSize(6);
        assertThat(raw.toString()).contains(seeded);
        for (String value : seeded) {
            assertThat(cleaned.toString()).doesNotContain(value);
        }
    }

    // Seeded, so a failure reproduces: fillers and PII pieces in random order and formats.
    private static List<String> generatedTexts() {
        Random random = new Random(20251120L);
        String[] fillers = {"I called", "on 2025-10-03", "they charged me $1,250.00", "3 times", "flight 1234",
                "nobody called back", "at 10:45", "account", "my number is", "card", "reach me at", "#", ":",
                "loan number", "for 2 hours", "and", ",", "(", ")", "on 11/02/25", "XXXX", "[date]"};
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            int parts = 2 + random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                sb.append(random.nextBoolean() ? fillers[random.nextInt(fillers.length)] : pii(random)).append(' ');
            }
            texts.add(sb.toString().strip());
        }
        return texts;
    }

    private static String pii(Random r) {
        String d3 = String.format("%03d", 200 + r.nextInt(700));
        String d4 = String.format("%04d", r.nextInt(10000));
        return switch (r.nextInt(12)) {
            case 0 -> "user" + r.nextInt(999) + "@mail" + r.nextInt(9) + ".com";
            case 1 -> "(" + d3 + ") " + d3 + "-" + d4;
            case 2 -> d3 + "-" + d3 + "-" + d4;
            case 3 -> d3 + "." + d3 + "." + d4;
            case 4 -> "+1 " + d3 + " " + d3 + " " + d4;
            case 5 -> "+44 20 " + d4 + " " + d4;
            case 6 -> "4111 1111 1111 " + d4;
            case 7 -> String.valueOf(10_000_000L + r.nextInt(90_000_000));
            case 8 -> d3 + "-" + String.format("%02d", 10 + r.nextInt(89)) + "-" + d4;
            case 9 -> (1 + r.nextInt(9999)) + " " + (r.nextBoolean() ? "Main Street" : "Oak Ave");
            case 10 -> "acct " + d4 + d3;
            default -> "5500" + "-0000-0000-" + d4;
        };
    }
}
