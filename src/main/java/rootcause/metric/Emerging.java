package rootcause.metric;

import java.util.List;

/**
 * Whether the cause is emerging this month, and which part of the {@link EmergingRule} fired. Never across a month too
 * small to call or a change of taxonomy. Comes after {@link ChangeInShare} and {@link TaxonomyVersion}.
 */
public final class Emerging implements CauseMetric.Derived {
    public static final Emerging METRIC = new Emerging();

    public static final MetricValue<Boolean> EMERGING = MetricValue.flag("emerging", 24);
    /** {@link EmergingRule#SHARE_ROSE} or {@link EmergingRule#NEW_CAUSE}; null when not emerging. */
    public static final MetricValue<String> EMERGING_RULE = MetricValue.optionalText("emerging_rule", 25);

    private Emerging() {}

    @Override
    public void derive(List<MetricRow> family) {
        for (MetricRow row : family) {
            Double q = row.get(ChangeInShare.CHANGE_Q_VALUE);
            EmergingRule rule = row.rule();
            String fired = q == null
                    || !rule.canCall(row.get(ChangeInShare.PREVIOUS_MONTH_COMPLAINTS), row.get(Volume.MONTH_COMPLAINTS))
                    || Boolean.TRUE.equals(row.get(TaxonomyVersion.TAXONOMY_CHANGED)) ? null
                    : rule.firedRule(row.get(ChangeInShare.PREVIOUS_COMPLAINTS), row.get(Volume.COMPLAINTS),
                    row.get(ChangeInShare.CHANGE_IN_SHARE), q);
            row.put(EMERGING, fired != null);
            row.put(EMERGING_RULE, fired);
        }
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(EMERGING, EMERGING_RULE);
    }

    @Override
    public List<CsvColumn> csvColumns() {
        return List.of(new CsvColumn("emerging", 10, EMERGING, CsvColumn.Format.FLAG),
                new CsvColumn("emerging_rule", 20, EMERGING_RULE, CsvColumn.Format.TEXT));
    }

    @Override
    public List<ReportCell> reportCells() {
        return List.of(new ReportCell(ReportCell.Table.CAUSES, "emerging", c -> c.get(EMERGING)));
    }
}
