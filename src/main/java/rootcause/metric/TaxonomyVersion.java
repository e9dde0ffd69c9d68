package rootcause.metric;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import rootcause.model.Columns;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.lit;

/**
 * Which taxonomy (or taxonomies) classified the month's complaints in the slice, and whether the previous month was
 * classified by another: then a change may be the taxonomy's, not the customers', and nothing is called emerging.
 * State: the distinct taxonomy versions, sorted. Comes after {@link ChangeInShare}, which says if there is a month to
 * compare with.
 */
public final class TaxonomyVersion implements CauseMetric<List<String>> {
    public static final TaxonomyVersion METRIC = new TaxonomyVersion();

    public static final String VERSION_SEPARATOR = "; ";
    /** The versions joined by {@value #VERSION_SEPARATOR}; null when not recorded. */
    public static final MetricValue<String> TAXONOMY_VERSION = MetricValue.optionalText(Columns.TAXONOMY_VERSION, 34);
    /** Null when there is no previous month or either month's taxonomy is not recorded. */
    public static final MetricValue<Boolean> TAXONOMY_CHANGED = MetricValue.optionalFlag("taxonomy_changed", 35);
    public static final String TAXONOMY_VERSIONS = "taxonomy_versions";
    private static final String COMPLAINT_TAXONOMY = "rc_taxonomy";

    private TaxonomyVersion() {}

    @Override
    public List<String> emptyState() {
        return List.of();
    }

    @Override
    public List<String> merge(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().sorted().toList();
    }

    @Override
    public List<Column> complaintInputs(StructType complaints) {
        // complaints written before the job recorded the taxonomy have none
        return List.of((Arrays.asList(complaints.fieldNames()).contains(Columns.TAXONOMY_VERSION)
                ? col(Columns.TAXONOMY_VERSION) : lit(null).cast(DataTypes.StringType)).as(COMPLAINT_TAXONOMY));
    }

    @Override
    public List<StatsColumn> statsColumns() {
        return List.of(new StatsColumn(TAXONOMY_VERSIONS, 11, array_sort(collect_set(col(COMPLAINT_TAXONOMY)))));
    }

    @Override
    public List<String> stateOf(Row statsRow) {
        return List.copyOf(statsRow.getList(statsRow.fieldIndex(TAXONOMY_VERSIONS)));
    }

    @Override
    public void derive(List<MetricRow> family) {
        for (MetricRow row : family) {
            List<String> taxonomies = row.monthState(this);
            List<String> previous = row.get(ChangeInShare.CHANGE_IN_SHARE) == null ? List.of() : row.previousMonthState(this);
            row.put(TAXONOMY_VERSION, taxonomies.isEmpty() ? null : String.join(VERSION_SEPARATOR, taxonomies));
            row.put(TAXONOMY_CHANGED, taxonomies.isEmpty() || previous.isEmpty() ? null : !taxonomies.equals(previous));
        }
    }

    @Override
    public List<MetricValue<?>> values() {
        return List.of(TAXONOMY_VERSION, TAXONOMY_CHANGED);
    }

    @Override
    public List<CsvColumn> csvColumns() {
        return List.of(new CsvColumn("taxonomy_version", 21, TAXONOMY_VERSION, CsvColumn.Format.TEXT),
                new CsvColumn("taxonomy_changed", 22, TAXONOMY_CHANGED, CsvColumn.Format.FLAG));
    }
}
