package rootcause.metric;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import rootcause.model.Columns;
import rootcause.model.NpsAnswer;

import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The NPS points the cause costs: NPS of the month's answers minus NPS without the cause's
 * ({@link ScoreImpact.NpsCounts}). State: answers, promoters and detractors.
 */
public final class NpsPoints implements CauseMetric<ScoreImpact.NpsCounts> {
    public static final NpsPoints METRIC = new NpsPoints();

    /** Null when the scores are no NPS answers, or undefined. */
    public static final MetricValue<Double> NPS_POINTS = MetricValue.optionalNumber("nps_points", 32);

    public static final String NPS_ANSWERS = "nps_answers";
    public static final String NPS_PROMOTERS = "nps_promoters";
    public static final String NPS_DETRACTORS = "nps_detractors";
    private static final String COMPLAINT_NPS = "rc_nps";

    private NpsPoints() {}

    @Override
    public ScoreImpact.NpsCounts emptyState() {
        return ScoreImpact.NpsCounts.EMPTY;
    }

    @Override
    public ScoreImpact.NpsCounts merge(ScoreImpact.NpsCounts a, ScoreImpact.NpsCounts b) {
        return a.plus(b);
    }

    /**
     * The complaint's score when its profile declares it an NPS answer and it lies in 0–10, else null. Complaints
     * written before the scale was recorded have no {@code score_scale}: none of their scores is an answer.
     */
    @Override
    public List<Column> complaintInputs(StructType complaints) {
        if (!Arrays.asList(complaints.fieldNames()).contains(Columns.SCORE_SCALE)) {
            return List.of(lit(null).cast(DataTypes.DoubleType).as(COMPLAINT_NPS));
        }
        Column score = col(Columns.SCORE).cast(DataTypes.DoubleType);
        return List.of(when(col(Columns.SCORE_SCALE).equalTo(Columns.NPS_SCALE)
                .and(score.between(NpsAnswer.LOWEST, NpsAnswer.HIGHEST)), score).as(COMPLAINT_NPS));
    }

    @Override
    public List<StatsColumn> statsColumns() {
        Column answer = col(COMPLAINT_NPS);
        return List.of(new StatsColumn(NPS_ANSWERS, 15, count(answer)),
                new StatsColumn(NPS_PROMOTERS, 16, sum(when(answer.geq(NpsAnswer.PROMOTER_AT_LEAST), 1L).otherwise(0L))),
                new StatsColumn(NPS_DETRACTORS, 17, sum(when(answer.leq(NpsAnswer.DETRACTOR_AT_MOST), 1L).otherwise(0L))));
    }

    @Override
    public ScoreImpact.NpsCounts stateOf(Row statsRow) {
        return new ScoreImpact.NpsCounts(statsRow.<Long>getAs(NPS_ANSWERS), statsRow.<Long>getAs(NPS_PROMOTERS),
                statsRow.<Long>getAs(NPS_DETRACTORS));
    }

    @Override
    public void derive(List<MetricRow> family) {
        for (MetricRow row : family) {
            row.put(NPS_POINTS, row.state(this).pointsWithin(row.monthState(this)));
        }
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(NPS_POINTS);
    }

    @Override
    public List<CsvColumn> csvColumns() {
        return List.of(new CsvColumn("nps_points", 29, NPS_POINTS, CsvColumn.Format.DECIMALS_2));
    }

    @Override
    public List<ReportCell> reportCells() {
        return List.of(new ReportCell(ReportCell.Table.SCORES, "npsPoints",
                c -> c.get(NPS_POINTS) == null ? "n/a" : ReportText.signed(c.get(NPS_POINTS), 1)));
    }
}
