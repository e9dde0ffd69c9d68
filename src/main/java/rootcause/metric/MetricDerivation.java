package rootcause.metric;

import rootcause.model.CauseInfo;
import rootcause.model.Columns;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives every cause and group row from the stats rows (which include one {@link CauseMetrics#LEVEL_TOTAL} row per
 * month and slice), comparing each month with the calendar month before it; the metrics of
 * {@link CauseMetricRegistry#METRICS} put the values, in that order, family by family. Pure, on the driver.
 */
public final class MetricDerivation {
    private MetricDerivation() {}

    private record Slice(String month, String dimension, String value) {}

    private record Series(String dimension, String value, String level, String causeId) {}

    /** The rows whose changes are tested together: the causes, or the groups, of one month and slice. */
    private record Family(String month, String dimension, String value, String level) {}

    /** A cause absent last month has 0 complaints then, if last month has data in that slice at all. */
    public static List<CauseMetrics> deriveAll(List<CauseStatsRow> rows, Map<String, CauseInfo> causes,
                                               EmergingRule rule) {
        Map<Slice, MonthlyCauseStats> totals = new HashMap<>();
        Map<Series, Map<String, MonthlyCauseStats>> series = new LinkedHashMap<>();
        for (CauseStatsRow r : rows) {
            if (CauseMetrics.LEVEL_TOTAL.equals(r.level())) {
                totals.merge(new Slice(r.month(), r.dimension(), r.dimensionValue()), r.stats(), MonthlyCauseStats::merge);
            } else {
                series.computeIfAbsent(new Series(r.dimension(), r.dimensionValue(), r.level(), r.causeId()),
                        k -> new HashMap<>()).merge(r.month(), r.stats(), MonthlyCauseStats::merge);
            }
        }
        Map<String, String> groupNames = new HashMap<>();
        causes.values().forEach(c -> groupNames.putIfAbsent(c.groupId(), c.groupName()));
        Map<String, String> groupOfCause = new HashMap<>();
        rows.forEach(r -> groupOfCause.putIfAbsent(r.level() + "/" + r.causeId(), r.causeGroup()));

        Map<Family, List<MetricRow>> families = new LinkedHashMap<>();
        for (var entry : series.entrySet()) {
            Series s = entry.getKey();
            for (var monthEntry : entry.getValue().entrySet()) {
                String month = monthEntry.getKey();
                String previous = YearMonth.parse(month).minusMonths(1).toString();
                MetricRow row = new MetricRow(monthEntry.getValue(),
                        totals.getOrDefault(new Slice(month, s.dimension(), s.value()), MonthlyCauseStats.EMPTY),
                        entry.getValue().getOrDefault(previous, MonthlyCauseStats.EMPTY),
                        totals.get(new Slice(previous, s.dimension(), s.value())), rule);
                String group = groupOfCause.getOrDefault(s.level() + "/" + s.causeId(), s.causeId());
                row.put(CauseMetrics.MONTH, month);
                row.put(CauseMetrics.DIMENSION, s.dimension());
                row.put(CauseMetrics.DIMENSION_VALUE, s.value());
                row.put(CauseMetrics.LEVEL, s.level());
                row.put(CauseMetrics.CAUSE_ID, s.causeId());
                row.put(CauseMetrics.CAUSE_NAME, nameOf(s.level(), s.causeId(), causes, groupNames));
                row.put(CauseMetrics.CAUSE_GROUP, group);
                row.put(CauseMetrics.CAUSE_GROUP_NAME, nameOf(CauseMetrics.LEVEL_GROUP, group, causes, groupNames));
                families.computeIfAbsent(new Family(month, s.dimension(), s.value(), s.level()), k -> new ArrayList<>())
                        .add(row);
            }
        }
        for (CauseMetric<?> metric : CauseMetricRegistry.METRICS) {
            families.values().forEach(metric::derive);
        }
        List<CauseMetrics> out = new ArrayList<>();
        families.values().forEach(family -> family.forEach(row -> out.add(row.toMetrics())));
        out.sort(CauseMetrics.ORDER);
        return out;
    }

    private static String nameOf(String level, String id, Map<String, CauseInfo> causes, Map<String, String> groupNames) {
        if (Columns.UNCLASSIFIED.equals(id)) {
            return CauseMetrics.UNCLASSIFIED_NAME;
        }
        String name = CauseMetrics.LEVEL_GROUP.equals(level) ? groupNames.get(id)
                : (causes.containsKey(id) ? causes.get(id).name() : null);
        return name == null || name.isBlank() ? id : name;
    }
}
