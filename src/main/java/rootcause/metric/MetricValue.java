package rootcause.metric;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A named value of a {@link CauseMetrics} row, and its column of {@code OUT/causes}.
 *
 * @param column   the column's name, also the value's name in the row
 * @param position the column's place in {@code OUT/causes}, from 0; fixed once written, so a new value takes the
 *                 next free place ({@link CauseMetricRegistry} fails on a gap or a place taken twice)
 * @param type     the column's Spark type
 * @param nullable whether the value may be null (e.g. no previous month to compare with)
 * @param javaType what {@link CauseMetrics#get} returns for it
 */
public record MetricValue<T>(String column, int position, DataType type, boolean nullable, Class<T> javaType) {

    public static MetricValue<String> text(String column, int position) {
        return new MetricValue<>(column, position, DataTypes.StringType, false, String.class);
    }

    public static MetricValue<String> optionalText(String column, int position) {
        return new MetricValue<>(column, position, DataTypes.StringType, true, String.class);
    }

    public static MetricValue<Long> count(String column, int position) {
        return new MetricValue<>(column, position, DataTypes.LongType, false, Long.class);
    }

    public static MetricValue<Long> optionalCount(String column, int position) {
        return new MetricValue<>(column, position, DataTypes.LongType, true, Long.class);
    }

    /** A number that is NaN, never null, when undefined (e.g. a share of an empty slice). */
    public static MetricValue<Double> number(String column, int position) {
        return new MetricValue<>(column, position, DataTypes.DoubleType, false, Double.class);
    }

    public static MetricValue<Double> optionalNumber(String column, int position) {
        return new MetricValue<>(column, position, DataTypes.DoubleType, true, Double.class);
    }

    public static MetricValue<Boolean> flag(String column, int position) {
        return new MetricValue<>(column, position, DataTypes.BooleanType, false, Boolean.class);
    }

    public static MetricValue<Boolean> optionalFlag(String column, int position) {
        return new MetricValue<>(column, position, DataTypes.BooleanType, true, Boolean.class);
    }

    StructField field() {
        return DataTypes.createStructField(column, type, nullable);
    }

    /** The value checked against its declaration: a metric that puts a wrong type or a forbidden null fails here. */
    T cast(Object value) {
        if (value == null && !nullable) {
            throw new IllegalStateException("metric value " + column + " is null but not nullable");
        }
        return javaType.cast(value);
    }
}
