package rootcause.metric;

import org.apache.spark.sql.Row;

import java.util.List;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

/** How many complaints show the cause, of how many in its month and slice, and that share. State: the count. */
public final class Volume implements CauseMetric<Long> {
    public static final Volume METRIC = new Volume();

    /** Distinct non-duplicate complaints that show the cause. */
    public static final MetricValue<Long> COMPLAINTS = MetricValue.count("complaints", 8);
    /** All complaints of the month and slice. */
    public static final MetricValue<Long> MONTH_COMPLAINTS = MetricValue.count("month_complaints", 9);
    /** {@code complaints / month_complaints}; NaN for an empty slice. */
    public static final MetricValue<Double> SHARE = MetricValue.number("share", 12);

    private Volume() {}

    @Override
    public Long emptyState() {
        return 0L;
    }

    @Override
    public Long merge(Long a, Long b) {
        return a + b;
    }

    @Override
    public List<StatsColumn> statsColumns() {
        return List.of(new StatsColumn(COMPLAINTS.column(), 7, count(lit(1))));
    }

    @Override
    public Long stateOf(Row statsRow) {
        return statsRow.getAs(COMPLAINTS.column());
    }

    @Override
    public void derive(List<MetricRow> family) {
        for (MetricRow row : family) {
            long complaints = row.state(this);
            long total = row.monthState(this);
            row.put(COMPLAINTS, complaints);
            row.put(MONTH_COMPLAINTS, total);
            row.put(SHARE, total == 0 ? Double.NaN : (double) complaints / total);
        }
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(COMPLAINTS, MONTH_COMPLAINTS, SHARE);
    }

    @Override
    public List<CsvColumn> csvColumns() {
        return List.of(new CsvColumn("complaints", 4, COMPLAINTS, CsvColumn.Format.COUNT),
                new CsvColumn("share", 5, SHARE, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("month_complaints", 13, MONTH_COMPLAINTS, CsvColumn.Format.COUNT));
    }

    @Override
    public List<ReportCell> reportCells() {
        return List.of(new ReportCell(ReportCell.Table.CAUSES, "complaints", c -> ReportText.count(c.get(COMPLAINTS))),
                new ReportCell(ReportCell.Table.CAUSES, "share", c -> ReportText.percent(c.get(SHARE))));
    }
}
