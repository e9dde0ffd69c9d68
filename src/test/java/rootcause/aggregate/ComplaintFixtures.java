package rootcause.aggregate;

import rootcause.model.DataContract;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import rootcause.model.CauseMatch;
import rootcause.model.Columns;
import rootcause.model.Evidence;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

/** Classified complaints as typed objects, turned into a Dataset with exactly the classify stage's output schema. */
public final class ComplaintFixtures {
    private ComplaintFixtures() {}

    /** The nlp stage's own sentences column type (struct and nullability), so the fixtures cannot drift from it. */
    static final DataType SENTENCES = DataContract.NLP.type().apply(Columns.SENTENCES).dataType();
    /** The classify stage's own causes and cause ids column types. */
    static final DataType CAUSES = DataContract.CLASSIFIED.apply(Columns.CAUSES).dataType();
    static final DataType CAUSE_IDS = DataContract.CLASSIFIED.apply(Columns.CAUSE_IDS).dataType();

    public static final StructType SCHEMA = new StructType()
            .add("complaint_id", DataTypes.StringType).add("source", DataTypes.StringType)
            .add("source_file", DataTypes.StringType).add("record", DataTypes.LongType)
            .add("channel", DataTypes.StringType).add("product", DataTypes.StringType)
            .add("region", DataTypes.StringType).add("score", DataTypes.DoubleType)
            .add("created_date", DataTypes.DateType).add("month", DataTypes.StringType)
            .add("text", DataTypes.StringType).add("is_duplicate", DataTypes.BooleanType)
            .add("duplicate_of", DataTypes.StringType).add("sentences", SENTENCES)
            .add("sentiment_score", DataTypes.DoubleType).add("sentiment_label", DataTypes.StringType)
            .add("most_negative_sentence", DataTypes.StringType).add("sentences_too_long", DataTypes.IntegerType)
            .add("causes", CAUSES).add("cause_ids", CAUSE_IDS);

    /** One classified complaint; its text is one sentence per cause evidence (or the text itself). */
    public record Complaint(String id, String source, String channel, String product, String month, String text,
                            boolean duplicate, double sentimentScore, List<CauseMatch> causes) {
        public Complaint duplicateOf() {
            return new Complaint(id + "-dup", source, channel, product, month, text, true, sentimentScore, causes);
        }
    }

    public static Complaint complaint(String id, String month, String channel, double sentiment, CauseMatch... causes) {
        String text = causes.length == 0 ? "Nothing specific in complaint " + id + "."
                : causes[0].evidence().get(0).sentence();
        return new Complaint(id, "survey", channel, "cards", month, text, false, sentiment, List.of(causes));
    }

    /** A cause with one evidencing sentence whose polarity is the cause sentiment and whose class (0..4) follows it. */
    public static CauseMatch cause(String id, String group, double sentiment, String sentence) {
        int sentenceClass = (int) Math.round((sentiment + 1) * 2);
        return new CauseMatch(id, group, sentiment, List.of(Evidence.ofPattern(id.replace('_', ' '), id, 0, sentence, sentenceClass, sentiment)));
    }

    public static Dataset<Row> toDataset(SparkSession spark, List<Complaint> complaints) {
        List<Row> rows = new ArrayList<>();
        long record = 1;
        for (Complaint c : complaints) {
            List<Row> causes = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (CauseMatch m : c.causes()) {
                List<Row> evidence = m.evidence().stream().map(e -> RowFactory.create(e.phrase(), e.matchedText(),
                        e.sentenceIndex(), e.sentence(), e.sentenceSentiment(), e.sentencePolarity(), e.matchedBy(), e.score())).toList();
                causes.add(RowFactory.create(m.causeId(), m.causeGroup(), m.sentiment(), m.matchedBy(), evidence));
                ids.add(m.causeId());
            }
            if (ids.isEmpty()) {
                ids.add("unclassified");
            }
            int sentenceClass = (int) Math.round((c.sentimentScore() + 1) * 2);
            Row sentence = RowFactory.create(0, c.text(), sentenceClass, List.of(), c.sentimentScore(), 0, 5, List.of("a", "b"));
            rows.add(RowFactory.create(c.id(), c.source(), c.source() + ".csv", record++, c.channel(), c.product(),
                    null, null, Date.valueOf(c.month() + "-15"), c.month(), c.text(), c.duplicate(),
                    c.duplicate() ? c.id().replace("-dup", "") : null, List.of(sentence), c.sentimentScore(),
                    c.sentimentScore() < 0 ? "negative" : "neutral", c.text(), 0, causes, ids));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }
}
