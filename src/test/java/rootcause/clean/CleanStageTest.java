package rootcause.clean;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import rootcause.SparkTestSession;
import rootcause.model.Columns;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CleanStageTest {
    /** The clean stage's input columns ({@link CleanStage#INPUT_COLUMNS}) as a schema; NameCacheTest uses it too. */
    static final StructType INPUT = new StructType()
            .add(Columns.COMPLAINT_ID, DataTypes.StringType)
            .add(Columns.SOURCE, DataTypes.StringType)
            .add(Columns.SOURCE_FILE, DataTypes.StringType)
            .add(Columns.RECORD, DataTypes.LongType)
            .add(Columns.CREATED_DATE, DataTypes.DateType)
            .add(Columns.MONTH, DataTypes.StringType)
            .add(Columns.TEXT, DataTypes.StringType);

    private static Row complaint(String id, String source, String date, String text) {
        return RowFactory.create(id, source, "f.csv", Long.parseLong(id.replaceAll("\\D", "")), Date.valueOf(date),
                date.substring(0, 7), text);
    }

    @Test
    void redactsNormalisesAndMarksDuplicatesWithinASourceOnly() {
        Dataset<Row> in = SparkTestSession.get().createDataFrame(List.of(
                complaint("t1", "twcs", "2025-10-01", "@AcmeHelp on hold for 2 hours &amp; nobody answered. Call me at 555-123-4567"),
                complaint("t2", "twcs", "2025-10-02", "RT @someone: @AcmeHelp on hold for 2 hours & nobody answered. Call me at 555-123-4567"),
                complaint("t3", "survey", "2025-10-03", "On hold for 2 hours & nobody answered. Call me at 555-123-4567"),
                complaint("t4", "twcs", "2025-09-30", "My card 4111 1111 1111 1111 was charged twice, email jo@example.com")), INPUT);
        Map<String, Row> out = new CleanStage().clean(in).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs(Columns.COMPLAINT_ID), r -> r));

        assertThat(out.get("t1").<String>getAs(Columns.TEXT))
                .contains("& nobody answered").doesNotContain("&amp;").doesNotContain("555-123-4567").contains("[phone]");
        assertThat(out.get("t4").<String>getAs(Columns.TEXT))
                .doesNotContain("4111").doesNotContain("jo@example.com").contains("[card]").contains("[email]");
        assertThat(out.get("t1").<Boolean>getAs(Columns.IS_DUPLICATE)).isFalse();
        assertThat(out.get("t2").<Boolean>getAs(Columns.IS_DUPLICATE)).isTrue();
        assertThat(out.get("t2").<String>getAs(Columns.DUPLICATE_OF)).isEqualTo("t1");
        // same words, other source: not a duplicate
        assertThat(out.get("t3").<Boolean>getAs(Columns.IS_DUPLICATE)).isFalse();
        assertThat(out).hasSize(4);
    }

    @Test
    void failsClearlyWhenAnInputColumnIsMissing() {
        Dataset<Row> in = SparkTestSession.get().createDataFrame(List.of(), new StructType().add("body", DataTypes.StringType));
        assertThatThrownBy(() -> new CleanStage().clean(in))
                .hasMessageContaining("stage 'clean'")
                .hasMessageContaining(Columns.COMPLAINT_ID)
                .hasMessageContaining("[body]");
    }
}
