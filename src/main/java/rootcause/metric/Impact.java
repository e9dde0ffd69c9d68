package rootcause.metric;

import java.util.List;

/**
 * Impact: complaints weighted by how negative they are, {@code sum((1 - s) / 2)} = complaints x mean negativity,
 * where negativity maps sentiment -1 to 1, 0 to 0.5 and +1 to 0. Frequent and painful causes rank first; a neutral
 * mention still counts half, a positive one nothing. Derived from {@link Volume} and {@link Sentiment}.
 */
public final class Impact implements CauseMetric.Derived {
    public static final Impact METRIC = new Impact();

    public static final MetricValue<Double> IMPACT = MetricValue.number("impact", 15);

    private Impact() {}

    @Override
    public void derive(List<MetricRow> family) {
        for (MetricRow row : family) {
            row.put(IMPACT, (row.get(Volume.COMPLAINTS) - row.get(Sentiment.SENTIMENT_SUM)) / 2.0);
        }
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(IMPACT);
    }

    @Override
    public List<CsvColumn> csvColumns() {
        return List.of(new CsvColumn("impact", 8, IMPACT, CsvColumn.Format.DECIMALS_2));
    }

    @Override
    public List<ReportCell> reportCells() {
        return List.of(new ReportCell(ReportCell.Table.CAUSES, "impact", c -> ReportText.oneDecimal(c.get(IMPACT))),
                new ReportCell(ReportCell.Table.SCORES, "sentimentImpact", c -> ReportText.oneDecimal(c.get(IMPACT))));
    }
}
