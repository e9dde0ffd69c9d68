package rootcause.metric;

import java.util.List;

/** Whether the month holds fewer complaints in this slice than {@link EmergingRule#minMonthComplaints()}. */
public final class LowVolume implements CauseMetric.Derived {
    public static final LowVolume METRIC = new LowVolume();

    public static final MetricValue<Boolean> LOW_VOLUME = MetricValue.flag("low_volume", 23);

    private LowVolume() {}

    @Override
    public void derive(List<MetricRow> family) {
        for (MetricRow row : family) {
            row.put(LOW_VOLUME, row.rule().isLowVolume(row.get(Volume.MONTH_COMPLAINTS)));
        }
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(LOW_VOLUME);
    }

    @Override
    public List<CsvColumn> csvColumns() {
        return List.of(new CsvColumn("low_volume", 19, LOW_VOLUME, CsvColumn.Format.FLAG));
    }
}
