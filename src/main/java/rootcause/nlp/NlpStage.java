package rootcause.nlp;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import rootcause.model.Columns;
import rootcause.model.DocumentAnalysis;
import rootcause.model.StageInput;
import rootcause.sentiment.PolarityModel;
import rootcause.sentiment.SentimentModelFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The nlp stage: adds sentences, lemmas and sentiment to every complaint: CoreNLP's per-sentence sentiment (class
 * and probabilities), then the complaint-domain polarity layer ({@link PolarityModel}) for each sentence and the
 * document. Built and called on the driver;
 * the analysis runs on executors, one shared CoreNLP pipeline per executor JVM ({@link SentimentAnalyzer#shared}).
 *
 * <p>Identical texts are analysed once: the stage analyses the distinct texts, keeps those analyses
 * (persisted, computed here so progress can be logged and later actions do not re-run CoreNLP), and
 * joins them back on the text. A null text is analysed as the empty text.
 */
public final class NlpStage {
    /** Columns the stage needs; every other input column is passed through unchanged. */
    public static final StructType INPUT_SCHEMA = new StructType()
            .add(Columns.COMPLAINT_ID, DataTypes.StringType)
            .add(Columns.TEXT, DataTypes.StringType);

    /** Field names of one element of the {@code sentences} column. */
    public static final String INDEX = "index";
    public static final String TEXT = "text";
    public static final String SENTIMENT = "sentiment";
    public static final String SENTIMENT_PROBABILITIES = "sentiment_probabilities";
    public static final String POLARITY = "polarity";
    public static final String TOKEN_BEGIN = "token_begin";
    public static final String TOKEN_END = "token_end";
    public static final String LEMMAS = "lemmas";

    /** One element of the {@code sentences} column ({@link rootcause.model.SentenceAnalysis}). */
    public static final StructType SENTENCE = new StructType()
            .add(INDEX, DataTypes.IntegerType, false)
            .add(TEXT, DataTypes.StringType)
            .add(SENTIMENT, DataTypes.IntegerType, false)
            .add(SENTIMENT_PROBABILITIES, DataTypes.createArrayType(DataTypes.DoubleType, false))
            .add(POLARITY, DataTypes.DoubleType, false)
            .add(TOKEN_BEGIN, DataTypes.IntegerType, false)
            .add(TOKEN_END, DataTypes.IntegerType, false)
            .add(LEMMAS, DataTypes.createArrayType(DataTypes.StringType, false));

    /** The columns the stage appends, in this order. */
    public static final StructType NLP_COLUMNS = new StructType()
            .add(Columns.SENTENCES, DataTypes.createArrayType(SENTENCE, false))
            .add(Columns.SENTIMENT_SCORE, DataTypes.DoubleType)
            .add(Columns.SENTIMENT_LABEL, DataTypes.StringType)
            .add(Columns.MOST_NEGATIVE_SENTENCE, DataTypes.StringType)
            .add(Columns.SENTENCES_TOO_LONG, DataTypes.IntegerType);

    /**
     * Texts per analysis task. Small tasks keep both cores busy to the end (one 3,000-word narrative can take
     * as long as a hundred tweets, so big tasks leave a core idle in the last wave) and the progress line moving;
     * a task costs milliseconds against seconds of parsing.
     */
    static final int TEXTS_PER_PARTITION = 25;
    private static final String TEXT_KEY = "rc_nlp_text";
    private static final String ANALYSED_KEY = "rc_nlp_analysed_text";
    private static final StructType ANALYSES_SCHEMA = prepend(ANALYSED_KEY, NLP_COLUMNS);

    private final NlpSettings settings;
    private final SentimentModelFile sentimentModel;
    private final long progressIntervalSeconds;
    private long textsAnalysed;
    private long distinctTexts;

    /** The stage with the shipped sentiment model. */
    public NlpStage(NlpSettings settings) {
        this(settings, SentimentModelFile.shippedDefault());
    }

    /** The stage without the polarity layer: CoreNLP's reading only (what a training run learns from). */
    public static NlpStage coreNlpOnly(NlpSettings settings) {
        return new NlpStage(settings, null, 10);
    }

    /** @param sentimentModel the polarity layer's model; null for CoreNLP's reading only */
    public NlpStage(NlpSettings settings, SentimentModelFile sentimentModel) {
        this(settings, sentimentModel, 10);
    }

    NlpStage(NlpSettings settings, SentimentModelFile sentimentModel, long progressIntervalSeconds) {
        this.settings = settings;
        this.sentimentModel = sentimentModel;
        this.progressIntervalSeconds = progressIntervalSeconds;
    }

    public SentimentModelFile sentimentModel() {
        return sentimentModel;
    }

    /** All input columns plus {@link #NLP_COLUMNS}. Runs CoreNLP over the distinct texts before returning. */
    public Dataset<Row> apply(Dataset<Row> input) {
        requireInputColumns(input);
        Dataset<Row> keyed = input.withColumn(TEXT_KEY, coalesce(col(Columns.TEXT), lit("")));
        Dataset<Row> analyses = analyseDistinctTexts(keyed);
        return joinBack(input, keyed, analyses);
    }

    /** Texts CoreNLP analysed in the last {@link #apply} (task retries included); for the manifest. */
    public long textsAnalysed() {
        return textsAnalysed;
    }

    /** Distinct texts in the last {@link #apply}. */
    public long distinctTexts() {
        return distinctTexts;
    }

    /** Fails naming the stage, the missing columns and the columns present, or a text column of another type. */
    static void requireInputColumns(Dataset<Row> input) {
        StageInput.require("nlp", input, Arrays.asList(INPUT_SCHEMA.fieldNames()));
        StructType schema = input.schema();
        if (!schema.apply(Columns.TEXT).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("stage 'nlp': column '" + Columns.TEXT + "' must be a string, got "
                    + schema.apply(Columns.TEXT).dataType().simpleString());
        }
    }

    private Dataset<Row> analyseDistinctTexts(Dataset<Row> keyed) {
        Dataset<Row> texts = keyed.select(col(TEXT_KEY)).distinct();
        distinctTexts = texts.count();
        int partitions = (int) Math.max(keyed.sparkSession().sparkContext().defaultParallelism(),
                Math.min(10_000, (distinctTexts + TEXTS_PER_PARTITION - 1) / TEXTS_PER_PARTITION));
        LongAccumulator done = keyed.sparkSession().sparkContext().longAccumulator("nlp texts analysed");
        // The model's bytes travel once per executor as a broadcast; each JVM deserialises them once.
        Broadcast<byte[]> model = sentimentModel == null ? null
                : JavaSparkContext.fromSparkContext(keyed.sparkSession().sparkContext()).broadcast(sentimentModel.bytes());
        // An explicit repartition by the text keeps its partition count (adaptive execution would
        // otherwise coalesce the small shuffle into one task on one core) and makes distinct local.
        Dataset<Row> analyses = keyed.select(col(TEXT_KEY)).repartition(partitions, col(TEXT_KEY)).distinct()
                .mapPartitions(new AnalysePartition(settings, sentimentModel == null ? null : sentimentModel.sha256(), model, done), Encoders.row(ANALYSES_SCHEMA))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try (NlpProgress ignored = new NlpProgress(done, distinctTexts, progressIntervalSeconds)) {
            analyses.count();
        }
        textsAnalysed = done.value();
        return analyses;
    }

    private static Dataset<Row> joinBack(Dataset<Row> input, Dataset<Row> keyed, Dataset<Row> analyses) {
        List<Column> out = new ArrayList<>();
        for (String name : input.columns()) {
            out.add(keyed.col(name));
        }
        for (String name : NLP_COLUMNS.fieldNames()) {
            out.add(analyses.col(name));
        }
        return keyed.join(analyses, keyed.col(TEXT_KEY).equalTo(analyses.col(ANALYSED_KEY)), "left")
                .select(out.toArray(Column[]::new));
    }

    private static StructType prepend(String stringColumn, StructType rest) {
        StructType s = new StructType().add(stringColumn, DataTypes.StringType, false);
        for (StructField f : rest.fields()) {
            s = s.add(f);
        }
        return s;
    }

    /** Runs on executors: analyses one partition of distinct texts with the JVM's shared analyzer. */
    private static final class AnalysePartition implements MapPartitionsFunction<Row, Row> {
        private final NlpSettings settings;
        private final String modelSha256;
        private final Broadcast<byte[]> model;
        private final LongAccumulator done;

        AnalysePartition(NlpSettings settings, String modelSha256, Broadcast<byte[]> model, LongAccumulator done) {
            this.settings = settings;
            this.modelSha256 = modelSha256;
            this.model = model;
            this.done = done;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> texts) {
            SentimentAnalyzer analyzer = SentimentAnalyzer.shared(settings);
            PolarityModel polarity = model == null ? null : PolarityModel.shared(modelSha256, model::value);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return texts.hasNext();
                }

                @Override
                public Row next() {
                    String text = texts.next().getString(0);
                    DocumentAnalysis coreNlp = analyzer.analyze(text);
                    DocumentAnalysis analysis = polarity == null ? coreNlp : polarity.apply(coreNlp);
                    done.add(1);
                    Object[] nlp = NlpRows.values(analysis);
                    Object[] row = new Object[nlp.length + 1];
                    row[0] = text;
                    System.arraycopy(nlp, 0, row, 1, nlp.length);
                    return RowFactory.create(row);
                }
            };
        }
    }
}
