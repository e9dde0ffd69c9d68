package rootcause.report;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryTick;
import org.jfree.chart.entity.CategoryLabelEntity;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.text.TextLine;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import rootcause.metric.CauseMetrics;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The charts as JFreeChart lays them out at the size the report draws them. */
class ReportChartsTest {

    /** Ten causes, the taxonomy's longest names among them. */
    private static final List<CauseMetrics> CAUSES = List.of(
            ReportFixtures.cause("2024-02", "scripted", "Scripted troubleshooting, not listening", 30, 100, -25, null, false),
            ReportFixtures.cause("2024-02", "transfer", "Transferred between departments", 28, 100, -20, null, false),
            ReportFixtures.cause("2024-02", "promise", "Broken promise of a call back", 26, 100, -20, null, false),
            ReportFixtures.cause("2024-02", "billing", "Billing error or unexpected charge", 24, 100, -18, null, false),
            ReportFixtures.cause("2024-02", "wait", "Long waits", 22, 100, -15, null, false),
            ReportFixtures.cause("2024-02", "repeat", "Had to repeat the problem to every agent", 20, 100, -15, null, false),
            ReportFixtures.cause("2024-02", "rude", "Rudeness", 18, 100, -12, null, false),
            ReportFixtures.cause("2024-02", "policy", "Policy applied rigidly without explanation", 16, 100, -10, null, false),
            ReportFixtures.cause("2024-02", "know", "Agent lacked product knowledge", 14, 100, -8, null, false),
            ReportFixtures.cause("2024-02", "digital", "Website or app failure", 12, 100, -6, null, false));

    @Test
    void paretoLabelsNameEachCauseInFullInsideTheChart() {
        ReportCharts.Chart pareto = ReportCharts.paretoChart(CAUSES);
        assertThat(labels(pareto, RectangleEdge.LEFT)).isEqualTo(names());
        assertThat(labelsOutside(pareto)).isEmpty();
    }

    @Test
    void sentimentLabelsNameEachCauseInFullInsideTheChart() {
        ReportCharts.Chart sentiment = ReportCharts.sentimentChart(CAUSES);
        assertThat(labels(sentiment, RectangleEdge.LEFT)).isEqualTo(names());
        assertThat(labelsOutside(sentiment)).isEmpty();
    }

    /** The real tweets' shape: a month of two complaints, both about one cause, between two ordinary months. */
    @Test
    void lowVolumeMonthsAreFadedAndDoNotSetTheTrendsScale() {
        List<CauseMetrics> history = List.of(
                ReportFixtures.cause("2024-01", "wait", "Long waits", 20, 100, -10, null, false),
                ReportFixtures.cause("2024-02", "wait", "Long waits", 2, 2, -1, null, false),
                ReportFixtures.cause("2024-03", "wait", "Long waits", 25, 100, -10, null, false),
                ReportFixtures.cause("2024-01", "rude", "Rudeness", 10, 100, -8, null, false),
                ReportFixtures.cause("2024-03", "rude", "Rudeness", 12, 100, -8, null, false));
        List<String> months = List.of("2024-01", "2024-02", "2024-03");
        List<String> small = months.stream().filter(m -> history.stream()
                .anyMatch(c -> c.month().equals(m) && Boolean.TRUE.equals(c.get(rootcause.metric.LowVolume.LOW_VOLUME)))).toList();
        assertThat(small).as("the fixture's rule: fewer than 30 complaints").containsExactly("2024-02");
        ReportCharts.Chart trend = ReportCharts.trendChart(history, List.of("wait", "rude"), months, small);
        CategoryPlot plot = (CategoryPlot) trend.chart().getPlot();
        assertThat(plot.getRangeAxis().getUpperBound()).as("the scale is the ordinary months' (25 %), not 100 %")
                .isBetween(25.0, 40.0);
        assertThat(plot.getDataset(0).getValue("Long waits", "2024-02")).as("no line through the small month").isNull();
        assertThat(plot.getDataset(1).getValue("Long waits", "2024-02")).isEqualTo(100.0);
        assertThat(plot.getDataset(1).getValue("Long waits", "2024-03")).isNull();
        java.awt.Color point = (java.awt.Color) plot.getRenderer(1).getSeriesPaint(0);
        assertThat(point.getAlpha()).as("faded").isLessThan(255);
        assertThat(trend.png()).startsWith("data:image/png;base64,");
        // every month small: those are all there is to scale by
        ReportCharts.Chart allSmall = ReportCharts.trendChart(history, List.of("wait", "rude"), months, months);
        assertThat(((CategoryPlot) allSmall.chart().getPlot()).getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(100.0);
    }

    private static List<String> names() {
        return CAUSES.stream().map(CauseMetrics::causeName).toList();
    }

    /** The causes whose label JFreeChart draws (its entity's area) past the chart's edges, where the image cuts it. */
    private static List<String> labelsOutside(ReportCharts.Chart chart) {
        BufferedImage image = new BufferedImage(chart.width(), chart.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            Rectangle bounds = new Rectangle(0, 0, chart.width(), chart.height());
            chart.chart().draw(g2, bounds, info);
            List<String> outside = new ArrayList<>();
            int labels = 0;
            for (Object entity : info.getEntityCollection().getEntities()) {
                if (entity instanceof CategoryLabelEntity label) {
                    labels++;
                    if (!bounds.contains(label.getArea().getBounds2D())) {
                        outside.add(label.getKey() + " at " + label.getArea().getBounds2D());
                    }
                }
            }
            assertThat(labels).as("a label entity per cause").isEqualTo(CAUSES.size());
            return outside;
        } finally {
            g2.dispose();
        }
    }

    /** The category labels as drawn: each tick's lines joined by a space (JFreeChart cuts a label it cannot fit with "..."). */
    private static List<String> labels(ReportCharts.Chart chart, RectangleEdge edge) {
        BufferedImage image = new BufferedImage(chart.width(), chart.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.chart().draw(g2, new Rectangle(0, 0, chart.width(), chart.height()), info);
            CategoryAxis axis = ((CategoryPlot) chart.chart().getPlot()).getDomainAxis();
            List<String> labels = new ArrayList<>();
            for (Object tick : axis.refreshTicks(g2, new AxisState(), info.getPlotInfo().getDataArea(), edge)) {
                List<String> lines = new ArrayList<>();
                for (Object line : ((CategoryTick) tick).getLabel().getLines()) {
                    lines.add(((TextLine) line).getFirstTextFragment().getText().strip());
                }
                labels.add(String.join(" ", lines));
            }
            return labels;
        } finally {
            g2.dispose();
        }
    }
}
