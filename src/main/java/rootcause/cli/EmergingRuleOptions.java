package rootcause.cli;

import picocli.CommandLine.Option;
import rootcause.metric.EmergingRule;

/**
 * The emerging rule's four parts as options of {@code run} and {@code reclassify}, defined once (a picocli mixin). A
 * part not given keeps its value in the rule the verb starts from: {@link EmergingRule#DEFAULT} for {@code run}; for
 * {@code reclassify}, the rule the run recorded in {@code manifest.json} (the default when it records none), so the
 * months it restates are judged like the others. {@code report} has no such options: it re-renders the emerging flags
 * stored in {@code OUT/causes}, so it always describes the rule they were derived with (the run's).
 */
final class EmergingRuleOptions {

    @Option(names = "--emerging-min-share-increase", paramLabel = "SHARE",
            description = "A cause is emerging when its share of the month's complaints rose by at least this much "
                    + "(a fraction: 0.05 = 5 points) at a q-value below --emerging-max-q-value."
                    + " Default: " + EmergingRule.DEFAULT_MIN_SHARE_INCREASE + " (reclassify: the run's).")
    Double minShareIncrease;

    @Option(names = "--emerging-max-q-value", paramLabel = "Q",
            description = "The false discovery rate (Benjamini-Hochberg q-value) an emerging call must stay below."
                    + " Default: " + EmergingRule.DEFAULT_MAX_Q_VALUE + " (reclassify: the run's).")
    Double maxQValue;

    @Option(names = "--emerging-min-new-complaints", paramLabel = "N",
            description = "Complaints a cause absent last month needs this month to be emerging as new."
                    + " Default: " + EmergingRule.DEFAULT_MIN_NEW_COMPLAINTS + " (reclassify: the run's).")
    Long minNewComplaints;

    @Option(names = "--emerging-min-month-complaints", paramLabel = "N",
            description = "Complaints both months need before a change between them is called (fewer: a hollow trend "
                    + "point, no segment comparison). Default: " + EmergingRule.DEFAULT_MIN_MONTH_COMPLAINTS
                    + " (reclassify: the run's).")
    Long minMonthComplaints;

    /** {@code base} with the parts given on the command line in place of its own. */
    EmergingRule rule(EmergingRule base) {
        return new EmergingRule(minShareIncrease != null ? minShareIncrease : base.minShareIncrease(),
                maxQValue != null ? maxQValue : base.maxQValue(),
                minNewComplaints != null ? minNewComplaints : base.minNewComplaints(),
                minMonthComplaints != null ? minMonthComplaints : base.minMonthComplaints());
    }
}
