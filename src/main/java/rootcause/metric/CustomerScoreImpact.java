package rootcause.metric;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import rootcause.model.Columns;

import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * What the cause costs the customers' own score (CSAT, NPS answer, stars): {@link ScoreImpact}, with its 95 %
 * interval. State: count, sum and sum of squares of the scores ({@link ScoreImpact.Moments}).
 */
public final class CustomerScoreImpact implements CauseMetric<ScoreImpact.Moments> {
    public static final CustomerScoreImpact METRIC = new CustomerScoreImpact();

    /** The cause's complaints with a score. */
    public static final MetricValue<Long> SCORED_COMPLAINTS = MetricValue.count("scored_complaints", 26);
    /** Their mean score; null without scores. */
    public static final MetricValue<Double> MEAN_SCORE = MetricValue.optionalNumber("mean_score", 27);
    /** The month's mean score without the cause's complaints; null when undefined. */
    public static final MetricValue<Double> MEAN_SCORE_WITHOUT = MetricValue.optionalNumber("mean_score_without", 28);
    /** Mean of all scored complaints minus the mean without the cause's; null when undefined. */
    public static final MetricValue<Double> SCORE_IMPACT = MetricValue.optionalNumber("score_impact", 29);
    public static final MetricValue<Double> SCORE_IMPACT_LOW = MetricValue.optionalNumber("score_impact_low", 30);
    public static final MetricValue<Double> SCORE_IMPACT_HIGH = MetricValue.optionalNumber("score_impact_high", 31);

    public static final String SCORE_SUM = "score_sum";
    public static final String SCORE_SUM_OF_SQUARES = "score_sum_of_squares";
    private static final String COMPLAINT_SCORE = "rc_score";

    private CustomerScoreImpact() {}

    @Override
    public ScoreImpact.Moments emptyState() {
        return ScoreImpact.Moments.EMPTY;
    }

    @Override
    public ScoreImpact.Moments merge(ScoreImpact.Moments a, ScoreImpact.Moments b) {
        return a.plus(b);
    }

    @Override
    public List<Column> complaintInputs(StructType complaints) {
        return List.of(col(Columns.SCORE).cast(DataTypes.DoubleType).as(COMPLAINT_SCORE));
    }

    @Override
    public List<StatsColumn> statsColumns() {
        Column score = col(COMPLAINT_SCORE);
        return List.of(new StatsColumn(SCORED_COMPLAINTS.column(), 12, count(score)),
                new StatsColumn(SCORE_SUM, 13, coalesce(sum(score), lit(0.0))),
                new StatsColumn(SCORE_SUM_OF_SQUARES, 14, coalesce(sum(score.multiply(score)), lit(0.0))));
    }

    @Override
    public ScoreImpact.Moments stateOf(Row statsRow) {
        return new ScoreImpact.Moments(statsRow.<Long>getAs(SCORED_COMPLAINTS.column()), statsRow.<Double>getAs(SCORE_SUM),
                statsRow.<Double>getAs(SCORE_SUM_OF_SQUARES));
    }

    @Override
    public void derive(List<MetricRow> family) {
        for (MetricRow row : family) {
            ScoreImpact.Moments scores = row.state(this);
            ScoreImpact impact = ScoreImpact.of(scores, row.monthState(this));
            row.put(SCORED_COMPLAINTS, scores.n());
            row.put(MEAN_SCORE, scores.n() == 0 ? null : scores.mean());
            if (impact != null) {
                row.put(MEAN_SCORE_WITHOUT, impact.meanWithout());
                row.put(SCORE_IMPACT, impact.impact());
                row.put(SCORE_IMPACT_LOW, finite(impact.low()));
                row.put(SCORE_IMPACT_HIGH, finite(impact.high()));
            }
        }
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(SCORED_COMPLAINTS, MEAN_SCORE, MEAN_SCORE_WITHOUT, SCORE_IMPACT, SCORE_IMPACT_LOW, SCORE_IMPACT_HIGH);
    }

    @Override
    public List<CsvColumn> csvColumns() {
        return List.of(new CsvColumn("scored_complaints", 23, SCORED_COMPLAINTS, CsvColumn.Format.COUNT),
                new CsvColumn("mean_score", 24, MEAN_SCORE, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("mean_score_without", 25, MEAN_SCORE_WITHOUT, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("score_impact", 26, SCORE_IMPACT, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("score_impact_low", 27, SCORE_IMPACT_LOW, CsvColumn.Format.DECIMALS_4),
                new CsvColumn("score_impact_high", 28, SCORE_IMPACT_HIGH, CsvColumn.Format.DECIMALS_4));
    }

    /** "Rudeness: 61 scored complaints, mean 1.8, without them 3.9; costs -0.42 (-0.55 to -0.30)". */
    @Override
    public List<ReportCell> reportCells() {
        ReportCell.Table t = ReportCell.Table.SCORES;
        return List.of(new ReportCell(t, "scored", c -> ReportText.count(c.get(SCORED_COMPLAINTS))),
                new ReportCell(t, "meanScore", c -> ReportText.decimal(c.get(MEAN_SCORE))),
                new ReportCell(t, "meanWithout", c -> ReportText.decimal(c.get(MEAN_SCORE_WITHOUT))),
                new ReportCell(t, "impact", c -> ReportText.signed(c.get(SCORE_IMPACT), 2)),
                new ReportCell(t, "interval", c -> c.get(SCORE_IMPACT_LOW) == null ? "n/a"
                        : ReportText.signed(c.get(SCORE_IMPACT_LOW), 2) + " to " + ReportText.signed(c.get(SCORE_IMPACT_HIGH), 2)));
    }
}
