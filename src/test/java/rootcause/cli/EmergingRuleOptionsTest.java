package rootcause.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import rootcause.metric.EmergingRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emerging rule's options on run and reclassify: parsed into the rule, each part defaulting on its own. */
class EmergingRuleOptionsTest {
    @Test
    void runWithoutTheOptionsKeepsTheDefaultRule() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--input", "survey=data-samples/survey", "--output", "out/x");
        assertThat(run.emerging.rule(EmergingRule.DEFAULT)).isEqualTo(EmergingRule.DEFAULT);
    }

    @Test
    void runTakesEachPartOfTheRule() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--input", "survey=data-samples/survey", "--output", "out/x",
                "--emerging-min-share-increase", "0.1", "--emerging-max-q-value", "0.01",
                "--emerging-min-new-complaints", "8", "--emerging-min-month-complaints", "50");
        assertThat(run.emerging.rule(EmergingRule.DEFAULT)).isEqualTo(new EmergingRule(0.1, 0.01, 8, 50));
    }

    @Test
    void reclassifyChangesOnlyThePartsGivenOfTheRuleItStartsFrom() {
        ReclassifyCommand reclassify = new ReclassifyCommand();
        new CommandLine(reclassify).parseArgs("--output", "out/x", "--emerging-min-month-complaints", "100");
        EmergingRule recorded = new EmergingRule(0.1, 0.01, 8, 50);
        assertThat(reclassify.emerging.rule(recorded)).isEqualTo(new EmergingRule(0.1, 0.01, 8, 100));
    }

    @Test
    void aRuleOutOfRangeIsRefusedNamingThePart() {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--input", "survey=data-samples/survey", "--output", "out/x",
                "--emerging-min-share-increase", "5");
        assertThatThrownBy(() -> run.emerging.rule(EmergingRule.DEFAULT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 < minShareIncrease < 1 (got 5.0)");
    }

    @Test
    void theHelpNamesTheOptionsAndTheirDefaults() {
        String help = new CommandLine(new RunCommand()).getUsageMessage();
        assertThat(help).contains("--emerging-min-share-increase=SHARE").contains("Default: 0.05")
                .contains("--emerging-min-month-complaints=N").contains("Default: 30");
        assertThat(new CommandLine(new ReportCommand()).getUsageMessage()).doesNotContain("--emerging");
    }

    @Test
    void theRuleRoundTripsThroughTheManifestsSettings() {
        EmergingRule rule = new EmergingRule(0.1, 0.01, 8, 50);
        assertThat(EmergingRule.fromSettings(rule.settings())).isEqualTo(rule);
        assertThat(EmergingRule.DEFAULT.settings()).containsExactly(
                java.util.Map.entry("min_share_increase", 0.05), java.util.Map.entry("max_q_value", 0.05),
                java.util.Map.entry("min_new_complaints", 5L), java.util.Map.entry("min_month_complaints", 30L));
    }
}
