package rootcause.report;

import rootcause.metric.Impact;
import rootcause.metric.Sentiment;
import rootcause.metric.Volume;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import rootcause.metric.CauseMetrics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/** Draws the report's charts with JFreeChart as PNG data URIs, on the driver (headless AWT). */
public final class ReportCharts {
    private ReportCharts() {}

    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 760;
    private static final Color BAR = new Color(0x2b, 0x5d, 0x8c);
    private static final Color LINE = new Color(0xc0, 0x39, 0x2b);
    private static final Color[] SERIES = {new Color(0x2b, 0x5d, 0x8c), new Color(0xc0, 0x39, 0x2b),
            new Color(0x27, 0xae, 0x60), new Color(0x8e, 0x44, 0xad), new Color(0xe6, 0x7e, 0x22),
            new Color(0x16, 0xa0, 0x85)};
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /**
     * A cause's name is wrapped onto up to this many lines beside its bar, never cut: JFreeChart ends a label it cannot
     * fit in them with "...", and one line holds about 35 characters.
     */
    private static final int LABEL_LINES = 3;

    /** Impact per cause as bars, high to low, with the cumulative share of total impact as a line (Pareto). */
    public static String pareto(List<CauseMetrics> causesByImpact) {
        return paretoChart(causesByImpact).png();
    }

    static Chart paretoChart(List<CauseMetrics> causesByImpact) {
        DefaultCategoryDataset impact = new DefaultCategoryDataset();
        DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
        double total = causesByImpact.stream().mapToDouble((CauseMetrics c) -> c.get(Impact.IMPACT)).sum();
        double running = 0;
        for (CauseMetrics c : causesByImpact) {
            String label = c.causeName();
            impact.addValue(c.get(Impact.IMPACT), "Impact", label);
            running += c.get(Impact.IMPACT);
            cumulative.addValue(total == 0 ? 0 : 100 * running / total, "Cumulative % of impact", label);
        }
        CategoryPlot plot = new CategoryPlot(impact, causeAxis(), new NumberAxis("Impact"), barRenderer());
        // Causes down the side, as in the sentiment chart: a cause's name reads level and wraps whole words onto
        // lines beside its bar, where slanted under a column it ran off the chart or was cut.
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        NumberAxis percent = new NumberAxis("Cumulative %");
        percent.setRange(0, 100);
        plot.setRangeAxis(1, percent);
        plot.setRangeAxisLocation(1, AxisLocation.TOP_OR_LEFT);
        plot.setDataset(1, cumulative);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, LINE);
        line.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return new Chart(styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true)), WIDTH,
                rowsHeight(causesByImpact.size()) + 60);
    }

    /**
     * Share of complaints per month for the given causes, one line each. The months of {@code lowVolumeMonths} (too
     * few complaints to read a share from: {@link rootcause.metric.EmergingRule#isLowVolume}) are drawn apart, as
     * faded hollow points off the lines, and do not set the scale: a cause at 100 % of a month of two tweets would
     * otherwise flatten every line of the months that count. Only when every month is small do they set it.
     */
    public static String trend(List<CauseMetrics> history, List<String> causeIds, List<String> months,
                               List<String> lowVolumeMonths) {
        return trendChart(history, causeIds, months, lowVolumeMonths).png();
    }

    /** Dataset 0: the months that count, as lines; dataset 1: the low-volume months, faded points. */
    static Chart trendChart(List<CauseMetrics> history, List<String> causeIds, List<String> months,
                            List<String> lowVolumeMonths) {
        DefaultCategoryDataset counted = new DefaultCategoryDataset();
        DefaultCategoryDataset small = new DefaultCategoryDataset();
        for (String id : causeIds) {
            String name = history.stream().filter(m -> m.causeId().equals(id)).map(CauseMetrics::causeName)
                    .findFirst().orElse(id);
            for (String month : months) {
                double share = history.stream().filter(m -> m.causeId().equals(id) && m.month().equals(month))
                        .mapToDouble((CauseMetrics c) -> c.get(Volume.SHARE)).findFirst().orElse(0.0);
                boolean low = lowVolumeMonths.contains(month);
                // a legend entry wraps, so the trend names each cause in full
                counted.addValue(low ? null : 100 * share, name, month);
                small.addValue(low ? 100 * share : null, name, month);
            }
        }
        LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
        LineAndShapeRenderer faded = new LineAndShapeRenderer(false, true);
        faded.setDefaultShapesFilled(false);
        faded.setDefaultSeriesVisibleInLegend(false);
        for (int i = 0; i < causeIds.size(); i++) {
            Color colour = SERIES[i % SERIES.length];
            lines.setSeriesPaint(i, colour);
            lines.setSeriesStroke(i, new BasicStroke(2f));
            faded.setSeriesPaint(i, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), FADED_ALPHA));
        }
        NumberAxis axis = new NumberAxis("% of the month's complaints");
        double top = maximum(lowVolumeMonths.containsAll(months) ? small : counted);
        axis.setRange(0, Math.max(1, top * 1.1));
        CategoryAxis months0 = new CategoryAxis("Month");
        months0.setTickLabelFont(LABEL);
        // Twelve YYYY-MM labels do not fit side by side; slanted they stay whole.
        months0.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        CategoryPlot plot = new CategoryPlot(counted, months0, axis, lines);
        plot.setDataset(1, small);
        plot.setRenderer(1, faded);
        for (int i = 0; i < causeIds.size(); i++) {
            // the same cause's shape in both (the plot would hand the faded points the next shapes in its sequence)
            faded.setSeriesShape(i, lines.lookupSeriesShape(i));
        }
        return new Chart(styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true)), WIDTH, 320);
    }

    /** Opacity (of 255) of a low-volume month's point: plainly fainter than a line, still seen when all are small. */
    static final int FADED_ALPHA = 130;

    private static double maximum(DefaultCategoryDataset data) {
        double max = 0;
        for (int row = 0; row < data.getRowCount(); row++) {
            for (int column = 0; column < data.getColumnCount(); column++) {
                Number value = data.getValue(row, column);
                max = value == null ? max : Math.max(max, value.doubleValue());
            }
        }
        return max;
    }

    /** Mean sentiment per cause as horizontal bars from -1 (very negative) to +1 (very positive). */
    public static String sentiment(List<CauseMetrics> causes) {
        return sentimentChart(causes).png();
    }

    static Chart sentimentChart(List<CauseMetrics> causes) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CauseMetrics c : causes) {
            data.addValue(c.get(Sentiment.MEAN_SENTIMENT), "Mean sentiment", c.causeName());
        }
        NumberAxis axis = new NumberAxis("Mean sentiment (-1 very negative, +1 very positive)");
        axis.setRange(-1, 1);
        CategoryPlot plot = new CategoryPlot(data, causeAxis(), axis, barRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        return new Chart(styled(new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false)), WIDTH,
                rowsHeight(causes.size()));
    }

    /** A chart with one row per cause: room for a name of {@link #LABEL_LINES} lines in each. */
    private static int rowsHeight(int causes) {
        return Math.max(160, 60 + 36 * causes);
    }

    /** The causes, down the left side of a horizontal chart. */
    private static CategoryAxis causeAxis() {
        CategoryAxis axis = new CategoryAxis();
        axis.setTickLabelFont(LABEL);
        axis.setMaximumCategoryLabelLines(LABEL_LINES);
        return axis;
    }

    private static BarRenderer barRenderer() {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMaximumBarWidth(0.08);
        return renderer;
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        // room on the right for the last tick label of a top axis ("100")
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 14));
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
            plot.setOutlineVisible(false);
        }
        return chart;
    }

    /** A chart and the size it is drawn at. */
    record Chart(JFreeChart chart, int width, int height) {
        /** The chart as a PNG data URI. */
        String png() {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ChartUtils.writeChartAsPNG(bytes, chart, width, height);
                return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot draw chart", e);
            }
        }
    }
}
