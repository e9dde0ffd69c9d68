package rootcause.aggregate;

import rootcause.model.CauseInfo;
import rootcause.model.Columns;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one cause (or cause group) in one month and slice, derived from {@link MonthlyCauseStats}:
 * one row of {@code OUT/causes}. Nullable fields are null when there is no previous month to compare.
 */
public record CauseMetrics(String month, String dimension, String dimensionValue, String level,
                           String causeId, String causeName, String causeGroup, String causeGroupName,
                           long complaints, long monthComplaints, double sentimentSum, long negativeComplaints,
                           double share, double meanSentiment, double negativeShare, double impact,
                           Long previousComplaints, Long previousMonthComplaints, Double previousShare,
                           Double changeInShare, Double changePValue, boolean emerging) {

    public static final String LEVEL_CAUSE = "cause";
    public static final String LEVEL_GROUP = "group";
    /** Internal level of the per-slice month totals; never in the output. */
    public static final String LEVEL_TOTAL = "total";
    public static final String TOTAL_ID = "*";
    public static final String UNCLASSIFIED_NAME = "Unclassified";

    private record Slice(String month, String dimension, String value) {}

    private record Series(String dimension, String value, String level, String causeId) {}

    /**
     * Derives every cause and group row from the aggregation rows (which include one {@link #LEVEL_TOTAL}
     * row per month and slice), comparing each month with the calendar month before it.
     * A cause absent last month has 0 complaints then, if last month has data in that slice at all.
     */
    public static List<CauseMetrics> deriveAll(List<CauseStatsRow> rows, Map<String, CauseInfo> causes,
                                               EmergingRule rule) {
        Map<Slice, Long> totals = new HashMap<>();
        Map<Series, Map<String, MonthlyCauseStats>> series = new HashMap<>();
        for (CauseStatsRow r : rows) {
            if (LEVEL_TOTAL.equals(r.level())) {
                totals.merge(new Slice(r.month(), r.dimension(), r.dimensionValue()), r.stats().complaints(), Long::sum);
            } else {
                series.computeIfAbsent(new Series(r.dimension(), r.dimensionValue(), r.level(), r.causeId()),
                        k -> new HashMap<>()).merge(r.month(), r.stats(), MonthlyCauseStats::merge);
            }
        }
        Map<String, String> groupNames = new HashMap<>();
        causes.values().forEach(c -> groupNames.putIfAbsent(c.groupId(), c.groupName()));
        Map<String, String> groupOfCause = new HashMap<>();
        rows.forEach(r -> groupOfCause.putIfAbsent(r.level() + "/" + r.causeId(), r.causeGroup()));

        List<CauseMetrics> out = new ArrayList<>();
        for (var entry : series.entrySet()) {
            Series s = entry.getKey();
            for (var monthEntry : entry.getValue().entrySet()) {
                String month = monthEntry.getKey();
                MonthlyCauseStats stats = monthEntry.getValue();
                long total = totals.getOrDefault(new Slice(month, s.dimension(), s.value()), 0L);
                String previous = YearMonth.parse(month).minusMonths(1).toString();
                Long previousTotal = totals.get(new Slice(previous, s.dimension(), s.value()));
                Long previousComplaints = null;
                ShareChange change = null;
                if (previousTotal != null && previousTotal > 0 && total > 0) {
                    previousComplaints = entry.getValue().getOrDefault(previous, MonthlyCauseStats.EMPTY).complaints();
                    change = ShareChange.between(previousComplaints, previousTotal, stats.complaints(), total);
                }
                String group = groupOfCause.getOrDefault(s.level() + "/" + s.causeId(), s.causeId());
                String name = nameOf(s.level(), s.causeId(), causes, groupNames);
                String groupName = nameOf(LEVEL_GROUP, group, causes, groupNames);
                out.add(new CauseMetrics(month, s.dimension(), s.value(), s.level(), s.causeId(), name, group, groupName,
                        stats.complaints(), total, stats.sentimentSum(), stats.negativeComplaints(),
                        stats.shareOf(total), stats.meanSentiment(), stats.negativeShare(), stats.impact(),
                        previousComplaints, previousTotal, change == null ? null : change.previousShare(),
                        change == null ? null : change.change(), change == null ? null : change.pValue(),
                        // Unclassified is shown, never "emerging": it is not a cause anyone can act on.
                        !Columns.UNCLASSIFIED.equals(s.causeId())
                                && rule.isEmerging(previousComplaints == null ? 0 : previousComplaints, stats.complaints(), change)));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** Month, slice, level, then impact high to low, then id: the order reports list causes in. */
    public static final Comparator<CauseMetrics> ORDER = Comparator.comparing(CauseMetrics::month)
            .thenComparing(CauseMetrics::dimension).thenComparing(CauseMetrics::dimensionValue)
            .thenComparing(CauseMetrics::level)
            .thenComparing(Comparator.comparingDouble(CauseMetrics::impact).reversed())
            .thenComparing(CauseMetrics::causeId);

    private static String nameOf(String level, String id, Map<String, CauseInfo> causes, Map<String, String> groupNames) {
        if (Columns.UNCLASSIFIED.equals(id)) {
            return UNCLASSIFIED_NAME;
        }
        String name = LEVEL_GROUP.equals(level) ? groupNames.get(id) : (causes.containsKey(id) ? causes.get(id).name() : null);
        return name == null || name.isBlank() ? id : name;
    }
}
