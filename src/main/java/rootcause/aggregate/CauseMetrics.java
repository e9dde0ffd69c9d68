package rootcause.aggregate;

import rootcause.metric.ShareChange;
import rootcause.metric.FalseDiscovery;
import rootcause.metric.EmergingRule;
import rootcause.metric.ScoreImpact;
import rootcause.metric.OutcomeCounts;

import rootcause.model.CauseInfo;
import rootcause.model.Columns;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one cause (or cause group) in one month and slice, derived from {@link MonthlyCauseStats}:
 * one row of {@code OUT/causes}. Nullable fields are null when there is no previous month to compare.
 *
 * @param changeQValue Benjamini–Hochberg q-value of {@code changePValue} among the causes (or groups) of the same
 *                     month and slice; null with no previous month and for unclassified, which is not tested
 * @param changeTest   {@link ShareChange#Z_TEST} or {@link ShareChange#FISHER}; null with no previous month
 * @param lowVolume    the month holds fewer complaints in this slice than {@link EmergingRule#minMonthComplaints()}
 * @param emergingRule the part of the emerging rule that fired ({@link EmergingRule#SHARE_ROSE},
 *                     {@link EmergingRule#NEW_CAUSE}), or null when not emerging
 * @param scoredComplaints the cause's complaints with a score of the customer's own (CSAT, NPS answer, stars)
 * @param meanScore    their mean score; null without scores
 * @param meanScoreWithout the month's mean score without the cause's complaints; null when undefined
 * @param scoreImpact  what the cause costs the month's mean score ({@link ScoreImpact}: mean of all scored complaints
 *                     minus the mean without the cause's); null when undefined
 * @param scoreImpactLow  lower end of its 95 % interval; null when undefined
 * @param scoreImpactHigh upper end; null when undefined
 * @param npsPoints    the NPS points the cause costs: NPS of the month's answers minus NPS without the cause's
 *                     ({@link ScoreImpact.NpsCounts}); null when the scores are no NPS answers or undefined
 * @param outcomeRates per categorical outcome of the profile and value, the rate among the cause's complaints against
 *                     the rest of the month's, as JSON ({@link OutcomeCounts#json}); null without outcomes
 * @param taxonomyVersion the taxonomy (or taxonomies, joined by {@value #VERSION_SEPARATOR}) that classified the
 *                     month's complaints in this slice; null when not recorded
 * @param taxonomyChanged whether the previous month was classified by another taxonomy: then a change may be the
 *                     taxonomy's, not the customers', and nothing is called emerging; null when there is no previous
 *                     month or either month's taxonomy is not recorded
 */
public record CauseMetrics(String month, String dimension, String dimensionValue, String level,
                           String causeId, String causeName, String causeGroup, String causeGroupName,
                           long complaints, long monthComplaints, double sentimentSum, long negativeComplaints,
                           double share, double meanSentiment, double negativeShare, double impact,
                           Long previousComplaints, Long previousMonthComplaints, Double previousShare,
                           Double changeInShare, Double changePValue, Double changeQValue, String changeTest,
                           boolean lowVolume, String emergingRule, long scoredComplaints, Double meanScore,
                           Double meanScoreWithout,
                           Double scoreImpact, Double scoreImpactLow, Double scoreImpactHigh, Double npsPoints,
                           String outcomeRates,
                           String taxonomyVersion, Boolean taxonomyChanged) {

    public static final String VERSION_SEPARATOR = "; ";

    /** Whether the cause is emerging this month (some part of the rule fired). */
    public boolean emerging() {
        return emergingRule != null;
    }

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
        Map<Slice, List<String>> versions = new HashMap<>();
        Map<Slice, ScoreImpact.Moments> scores = new HashMap<>();
        Map<Slice, ScoreImpact.NpsCounts> nps = new HashMap<>();
        Map<Slice, OutcomeCounts> outcomes = new HashMap<>();
        Map<List<String>, OutcomeCounts> causeOutcomes = new HashMap<>();
        Map<Series, Map<String, MonthlyCauseStats>> series = new HashMap<>();
        for (CauseStatsRow r : rows) {
            if (LEVEL_TOTAL.equals(r.level())) {
                Slice slice = new Slice(r.month(), r.dimension(), r.dimensionValue());
                totals.merge(slice, r.stats().complaints(), Long::sum);
                versions.merge(slice, r.taxonomyVersions(), CauseMetrics::union);
                scores.merge(slice, r.stats().scores(), ScoreImpact.Moments::plus);
                nps.merge(slice, r.stats().nps(), ScoreImpact.NpsCounts::plus);
                outcomes.merge(slice, r.outcomes(), OutcomeCounts::plus);
            } else {
                series.computeIfAbsent(new Series(r.dimension(), r.dimensionValue(), r.level(), r.causeId()),
                        k -> new HashMap<>()).merge(r.month(), r.stats(), MonthlyCauseStats::merge);
                causeOutcomes.merge(List.of(r.month(), r.dimension(), r.dimensionValue(), r.level(), r.causeId()),
                        r.outcomes(), OutcomeCounts::plus);
            }
        }
        Map<String, String> groupNames = new HashMap<>();
        causes.values().forEach(c -> groupNames.putIfAbsent(c.groupId(), c.groupName()));
        Map<String, String> groupOfCause = new HashMap<>();
        rows.forEach(r -> groupOfCause.putIfAbsent(r.level() + "/" + r.causeId(), r.causeGroup()));

        List<Pending> pending = new ArrayList<>();
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
                pending.add(new Pending(s, month, previous, stats, total, previousTotal, previousComplaints, change));
            }
        }
        Map<Pending, Double> qValues = qValuesPerFamily(pending);
        Map<Pending, Map<String, Map<String, OutcomeCounts.Rate>>> rates = outcomeRatesPerFamily(pending, causeOutcomes,
                outcomes);

        List<CauseMetrics> out = new ArrayList<>();
        for (Pending p : pending) {
            Series s = p.series();
            ShareChange change = p.change();
            Double q = qValues.get(p);
            String group = groupOfCause.getOrDefault(s.level() + "/" + s.causeId(), s.causeId());
            String name = nameOf(s.level(), s.causeId(), causes, groupNames);
            String groupName = nameOf(LEVEL_GROUP, group, causes, groupNames);
            Slice slice = new Slice(p.month(), s.dimension(), s.value());
            List<String> taxonomies = versions.getOrDefault(slice, List.of());
            List<String> previousTaxonomies = change == null ? List.of()
                    : versions.getOrDefault(new Slice(p.previousMonth(), s.dimension(), s.value()), List.of());
            Boolean taxonomyChanged = taxonomies.isEmpty() || previousTaxonomies.isEmpty() ? null
                    : !taxonomies.equals(previousTaxonomies);
            String fired = q == null || !rule.canCall(p.previousTotal(), p.total()) || Boolean.TRUE.equals(taxonomyChanged)
                    ? null : rule.firedRule(p.previousComplaints(), p.stats().complaints(), change, q);
            MonthlyCauseStats stats = p.stats();
            ScoreImpact impact = ScoreImpact.of(stats.scores(), scores.getOrDefault(slice, ScoreImpact.Moments.EMPTY));
            out.add(new CauseMetrics(p.month(), s.dimension(), s.value(), s.level(), s.causeId(), name, group, groupName,
                    stats.complaints(), p.total(), stats.sentimentSum(), stats.negativeComplaints(),
                    stats.shareOf(p.total()), stats.meanSentiment(), stats.negativeShare(), stats.impact(),
                    p.previousComplaints(), p.previousTotal(), change == null ? null : change.previousShare(),
                    change == null ? null : change.change(), change == null ? null : change.pValue(), q,
                    change == null ? null : change.test(), rule.isLowVolume(p.total()), fired,
                    stats.scores().n(), stats.scores().n() == 0 ? null : stats.scores().mean(),
                    impact == null ? null : impact.meanWithout(),
                    impact == null ? null : impact.impact(), impact == null ? null : finite(impact.low()),
                    impact == null ? null : finite(impact.high()),
                    stats.nps().pointsWithin(nps.getOrDefault(slice, ScoreImpact.NpsCounts.EMPTY)),
                    OutcomeCounts.json(rates.get(p)),
                    taxonomies.isEmpty() ? null : String.join(VERSION_SEPARATOR, taxonomies), taxonomyChanged));
        }
        out.sort(ORDER);
        return out;
    }

    /** A series' month before its q-value is known. */
    private record Pending(Series series, String month, String previousMonth, MonthlyCauseStats stats, long total,
                           Long previousTotal,
                           Long previousComplaints, ShareChange change) {}

    /**
     * q-values per family: the causes (or groups) of one month, slice and level that have a previous month to
     * compare with. Unclassified is not a cause anyone acts on, so it is neither tested nor counted in a family.
     */
    private static Map<Pending, Double> qValuesPerFamily(List<Pending> pending) {
        Map<List<String>, List<Pending>> families = new HashMap<>();
        for (Pending p : pending) {
            if (p.change() != null && !Columns.UNCLASSIFIED.equals(p.series().causeId())) {
                families.computeIfAbsent(List.of(p.month(), p.series().dimension(), p.series().value(), p.series().level()),
                        k -> new ArrayList<>()).add(p);
            }
        }
        Map<Pending, Double> out = new IdentityHashMap<>();
        for (List<Pending> family : families.values()) {
            double[] q = FalseDiscovery.qValues(family.stream().mapToDouble(p -> p.change().pValue()).toArray());
            for (int i = 0; i < q.length; i++) {
                out.put(family.get(i), q[i]);
            }
        }
        return out;
    }

    /**
     * Each row's outcome rates against the rest of its month and slice, with q-values per family: the tested
     * (cause, outcome, value) triples of one month, slice and level. Unclassified gets its rates, untested.
     */
    private static Map<Pending, Map<String, Map<String, OutcomeCounts.Rate>>> outcomeRatesPerFamily(
            List<Pending> pending, Map<List<String>, OutcomeCounts> causeOutcomes, Map<Slice, OutcomeCounts> outcomes) {
        Map<List<String>, List<Pending>> families = new HashMap<>();
        Map<Pending, Map<String, Map<String, OutcomeCounts.Rate>>> out = new IdentityHashMap<>();
        for (Pending p : pending) {
            Series s = p.series();
            Map<String, Map<String, OutcomeCounts.Rate>> rates = causeOutcomes.getOrDefault(List.of(p.month(),
                            s.dimension(), s.value(), s.level(), s.causeId()), OutcomeCounts.EMPTY)
                    .ratesAgainst(outcomes.getOrDefault(new Slice(p.month(), s.dimension(), s.value()), OutcomeCounts.EMPTY));
            out.put(p, rates);
            if (!Columns.UNCLASSIFIED.equals(s.causeId())) {
                families.computeIfAbsent(List.of(p.month(), s.dimension(), s.value(), s.level()), k -> new ArrayList<>())
                        .add(p);
            }
        }
        for (List<Pending> family : families.values()) {
            List<Map<String, Map<String, OutcomeCounts.Rate>>> corrected = OutcomeCounts.withQValues(
                    family.stream().map(out::get).toList());
            for (int i = 0; i < family.size(); i++) {
                out.put(family.get(i), corrected.get(i));
            }
        }
        return out;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static List<String> union(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().sorted().toList();
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
