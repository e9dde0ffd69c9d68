package rootcause.aggregate;

import rootcause.metric.Volume;
import rootcause.metric.CauseMetrics;

import rootcause.metric.ShareChange;
import rootcause.metric.FalseDiscovery;
import rootcause.metric.EmergingRule;

import rootcause.model.Columns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which causes are over-represented in a segment (a source, channel, product or region) against the rest of the
 * month: the cause's share of the segment's complaints against its share of all other complaints, tested like a
 * month-over-month change ({@link ShareChange}: z-test, Fisher's exact test for small counts) and corrected with
 * Benjamini–Hochberg over every segment and cause of the month and dimension. Pure: works on the month's
 * {@link CauseMetrics} rows.
 *
 * <p>Only segments and rests of at least {@link EmergingRule#minMonthComplaints()} complaints are compared. A
 * segment whose share of classified complaints differs from the rest's by more than {@value #BASE_RATE_RATIO}× gets
 * a warning: its causes' shares are then partly a matter of how much of its text the taxonomy reads at all (tweets
 * name causes far less often than narratives), not only of what its customers meet.
 */
public final class SegmentComparison {
    private SegmentComparison() {}

    /** Classified-share ratio (either way) above which a segment's comparison carries a base-rate warning. */
    public static final double BASE_RATE_RATIO = 1.5;

    /**
     * One cause in one segment against the rest of the month.
     *
     * @param ratio           {@code share / restShare}; null when the rest has none of the cause
     * @param overRepresented {@code ratio > 1} with {@code qValue} below the rule's level
     * @param baseRateWarning why the segment's base rate makes the comparison doubtful, or null
     */
    public record Row(String month, String dimension, String segment, String causeId, String causeName,
                      long complaints, long segmentComplaints, double share, long restComplaints, long restTotal,
                      double restShare, Double ratio, double pValue, double qValue, String test,
                      boolean overRepresented, String baseRateWarning) {}

    /** Over-represented first, by ratio (largest first), then by dimension, segment and cause. */
    public static final Comparator<Row> ORDER = Comparator.comparing((Row r) -> !r.overRepresented())
            .thenComparing(r -> r.ratio() == null ? Double.MAX_VALUE : r.ratio(), Comparator.reverseOrder())
            .thenComparing(Row::dimension).thenComparing(Row::segment).thenComparing(Row::causeId);

    /**
     * Compares every segment of every dimension in one month.
     *
     * @param month the month's cause rows, all dimensions ({@code all} included: it gives the whole month's counts)
     */
    public static List<Row> compare(List<CauseMetrics> month, EmergingRule rule) {
        Map<String, CauseMetrics> whole = new HashMap<>();
        for (CauseMetrics c : month) {
            if (c.dimension().equals(CauseMetrics.ALL) && c.level().equals(CauseMetrics.LEVEL_CAUSE)) {
                whole.put(c.causeId(), c);
            }
        }
        if (whole.isEmpty()) {
            return List.of();
        }
        long monthTotal = whole.values().iterator().next().get(Volume.MONTH_COMPLAINTS);
        double monthClassified = classifiedShare(whole.get(Columns.UNCLASSIFIED), monthTotal);

        Map<String, List<CauseMetrics>> byDimension = new LinkedHashMap<>();
        for (CauseMetrics c : month) {
            if (!c.dimension().equals(CauseMetrics.ALL) && c.level().equals(CauseMetrics.LEVEL_CAUSE)) {
                byDimension.computeIfAbsent(c.dimension(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Row> out = new ArrayList<>();
        for (List<CauseMetrics> rows : byDimension.values()) {
            out.addAll(compareDimension(rows, whole, monthTotal, monthClassified, rule));
        }
        out.sort(ORDER);
        return out;
    }

    private static List<Row> compareDimension(List<CauseMetrics> rows, Map<String, CauseMetrics> whole, long monthTotal,
                                              double monthClassified, EmergingRule rule) {
        Map<String, CauseMetrics> unclassifiedBySegment = new HashMap<>();
        rows.stream().filter(c -> c.causeId().equals(Columns.UNCLASSIFIED))
                .forEach(c -> unclassifiedBySegment.put(c.dimensionValue(), c));
        List<CauseMetrics> tested = new ArrayList<>();
        List<ShareChange> changes = new ArrayList<>();
        for (CauseMetrics c : rows) {
            long restTotal = monthTotal - c.get(Volume.MONTH_COMPLAINTS);
            CauseMetrics all = whole.get(c.causeId());
            if (c.causeId().equals(Columns.UNCLASSIFIED) || all == null
                    || rule.isLowVolume(c.get(Volume.MONTH_COMPLAINTS)) || rule.isLowVolume(restTotal)) {
                continue;
            }
            tested.add(c);
            changes.add(ShareChange.between(all.get(Volume.COMPLAINTS) - c.get(Volume.COMPLAINTS), restTotal, c.get(Volume.COMPLAINTS), c.get(Volume.MONTH_COMPLAINTS)));
        }
        double[] q = FalseDiscovery.qValues(changes.stream().mapToDouble(ShareChange::pValue).toArray());
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            CauseMetrics c = tested.get(i);
            ShareChange change = changes.get(i);
            long restTotal = monthTotal - c.get(Volume.MONTH_COMPLAINTS);
            long restComplaints = whole.get(c.causeId()).get(Volume.COMPLAINTS) - c.get(Volume.COMPLAINTS);
            Double ratio = change.previousShare() == 0 ? null : change.share() / change.previousShare();
            boolean over = change.share() > change.previousShare() && q[i] < rule.maxQValue();
            out.add(new Row(c.month(), c.dimension(), c.dimensionValue(), c.causeId(), c.causeName(), c.get(Volume.COMPLAINTS),
                    c.get(Volume.MONTH_COMPLAINTS), change.share(), restComplaints, restTotal, change.previousShare(), ratio,
                    change.pValue(), q[i], change.test(), over,
                    baseRateWarning(unclassifiedBySegment.get(c.dimensionValue()), c.get(Volume.MONTH_COMPLAINTS),
                            whole.get(Columns.UNCLASSIFIED), monthTotal, monthClassified)));
        }
        return out;
    }

    private static double classifiedShare(CauseMetrics unclassified, long total) {
        return total == 0 ? 0 : 1 - (unclassified == null ? 0.0 : (double) unclassified.get(Volume.COMPLAINTS) / total);
    }

    private static String baseRateWarning(CauseMetrics segmentUnclassified, long segmentTotal,
                                          CauseMetrics monthUnclassified, long monthTotal, double monthClassified) {
        double segment = classifiedShare(segmentUnclassified, segmentTotal);
        long restTotal = monthTotal - segmentTotal;
        long restUnclassified = (monthUnclassified == null ? 0 : monthUnclassified.get(Volume.COMPLAINTS))
                - (segmentUnclassified == null ? 0 : segmentUnclassified.get(Volume.COMPLAINTS));
        double rest = restTotal == 0 ? monthClassified : 1 - (double) restUnclassified / restTotal;
        double ratio = rest == 0 ? Double.POSITIVE_INFINITY : segment / rest;
        if (ratio > BASE_RATE_RATIO || ratio < 1 / BASE_RATE_RATIO) {
            return String.format(java.util.Locale.ROOT, "%.0f %% of the segment's complaints have a cause against %.0f %% "
                    + "of the rest's: shares compare how much of the text the taxonomy reads as well as what customers met",
                    100 * segment, 100 * rest);
        }
        return null;
    }
}
