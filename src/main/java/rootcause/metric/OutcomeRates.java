package rootcause.metric;

import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per categorical outcome of the profile and value, the rate among the cause's complaints against the rest of the
 * month's, tested, with q-values per family (the tested cause, outcome and value triples of one month, slice and
 * level), as JSON ({@link OutcomeCounts#json}). Unclassified gets its rates, untested. State: complaints per outcome
 * and value, read from the stats rows that carry one outcome value each.
 */
public final class OutcomeRates implements CauseMetric<OutcomeCounts> {
    public static final OutcomeRates METRIC = new OutcomeRates();

    /** Null without outcomes. */
    public static final MetricValue<String> OUTCOME_RATES = MetricValue.optionalText("outcome_rates", 33);

    private OutcomeRates() {}

    @Override
    public OutcomeCounts emptyState() {
        return OutcomeCounts.EMPTY;
    }

    @Override
    public OutcomeCounts merge(OutcomeCounts a, OutcomeCounts b) {
        return a.plus(b);
    }

    @Override
    public OutcomeCounts stateOf(Row statsRow) {
        return OutcomeCounts.EMPTY;
    }

    @Override
    public OutcomeCounts stateOfOutcomeRow(Row statsRow) {
        return OutcomeCounts.of(statsRow.getAs(CauseStatsRow.OUTCOME_NAME), statsRow.getAs(CauseStatsRow.OUTCOME_VALUE),
                statsRow.<Long>getAs(Volume.COMPLAINTS.column()));
    }

    @Override
    public void derive(List<MetricRow> family) {
        Map<MetricRow, Map<String, Map<String, OutcomeCounts.Rate>>> rates = new IdentityHashMap<>();
        List<MetricRow> tested = new ArrayList<>();
        for (MetricRow row : family) {
            rates.put(row, row.state(this).ratesAgainst(row.monthState(this)));
            if (!row.isUnclassified()) {
                tested.add(row);
            }
        }
        List<Map<String, Map<String, OutcomeCounts.Rate>>> corrected = OutcomeCounts.withQValues(
                tested.stream().map(rates::get).toList());
        for (int i = 0; i < tested.size(); i++) {
            rates.put(tested.get(i), corrected.get(i));
        }
        for (MetricRow row : family) {
            row.put(OUTCOME_RATES, OutcomeCounts.json(rates.get(row)));
        }
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(OUTCOME_RATES);
    }

    @Override
    public List<CsvColumn> csvColumns() {
        return List.of(new CsvColumn("outcome_rates", 30, OUTCOME_RATES, CsvColumn.Format.TEXT));
    }
}
