package rootcause.metric;

import java.util.ArrayList;
import java.util.List;

/**
 * The change in the cause's share since the calendar month before, tested ({@link ShareChange}), with
 * Benjamini–Hochberg q-values over the family: the causes (or groups) of one month and slice that have a previous
 * month to compare with. Unclassified is not a cause anyone acts on, so it is neither tested nor counted in a family.
 * All null when the previous month has no data, or either month no complaints.
 */
public final class ChangeInShare implements CauseMetric.Derived {
    public static final ChangeInShare METRIC = new ChangeInShare();

    public static final MetricValue<Long> PREVIOUS_COMPLAINTS = MetricValue.optionalCount("previous_complaints", 16);
    /** The slice's complaints last month; null when the data has no previous month in the slice. */
    public static final MetricValue<Long> PREVIOUS_MONTH_COMPLAINTS = MetricValue.optionalCount("previous_month_complaints", 17);
    public static final MetricValue<Double> PREVIOUS_SHARE = MetricValue.optionalNumber("previous_share", 18);
    public static final MetricValue<Double> CHANGE_IN_SHARE = MetricValue.optionalNumber("change_in_share", 19);
    public static final MetricValue<Double> CHANGE_P_VALUE = MetricValue.optionalNumber("change_p_value", 20);
    /** The p-value's q-value among its family; null for unclassified too. */
    public static final MetricValue<Double> CHANGE_Q_VALUE = MetricValue.optionalNumber("change_q_value", 21);
    /** {@link ShareChange#Z_TEST} or {@link ShareChange#FISHER}. */
    public static final MetricValue<String> CHANGE_TEST = MetricValue.optionalText("change_test", 22);

    private ChangeInShare() {}

    @Override
    public void derive(List<MetricRow> family) {
        List<MetricRow> tested = new ArrayList<>();
        for (MetricRow row : family) {
            long complaints = row.get(Volume.COMPLAINTS);
            long total = row.get(Volume.MONTH_COMPLAINTS);
            Long previousTotal = row.previousMonthState(Volume.METRIC);
            row.put(PREVIOUS_MONTH_COMPLAINTS, previousTotal);
            if (previousTotal != null && previousTotal > 0 && total > 0) {
                long previousComplaints = row.previousState(Volume.METRIC);
                ShareChange change = ShareChange.between(previousComplaints, previousTotal, complaints, total);
                row.put(PREVIOUS_COMPLAINTS, previousComplaints);
                row.put(PREVIOUS_SHARE, change.previousShare());
                row.put(CHANGE_IN_SHARE, change.change());
                row.put(CHANGE_P_VALUE, change.pValue());
                row.put(CHANGE_TEST, change.test());
                if (!row.isUnclassified()) {
                    tested.add(row);
                }
            }
        }
        double[] q = FalseDiscovery.qValues(tested.stream().mapToDouble(r -> r.get(CHANGE_P_VALUE)).toArray());
        for (int i = 0; i < q.length; i++) {
            tested.get(i).put(CHANGE_Q_VALUE, q[i]);
        }
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(PREVIOUS_COMPLAINTS, PREVIOUS_MONTH_COMPLAINTS, PREVIOUS_SHARE, CHANGE_IN_SHARE, CHANGE_P_VALUE,
                CHANGE_Q_VALUE, CHANGE_TEST);
    }

    @Override
    public List<CsvColumn> csvColumns() {
        return List.of(new CsvColumn("change_in_share", 9, CHANGE_IN_SHARE, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("previous_share", 15, PREVIOUS_SHARE, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("change_p_value", 16, CHANGE_P_VALUE, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("change_q_value", 17, CHANGE_Q_VALUE, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("change_test", 18, CHANGE_TEST, CsvColumn.Format.TEXT));
    }

    @Override
    public List<ReportCell> reportCells() {
        return List.of(new ReportCell(ReportCell.Table.CAUSES, "change",
                c -> c.get(CHANGE_IN_SHARE) == null ? "n/a" : ReportText.points(c.get(CHANGE_IN_SHARE))));
    }
}
