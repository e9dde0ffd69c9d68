package rootcause.model;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The data contract: every struct the job writes (to {@code OUT/complaints}, {@code OUT/candidates}, the rejects and
 * the caches), each with its field order and, where a record stands behind it, its codec (record ↔ row), defined
 * once. Stages build and read these structs only through here. Column names are {@link Columns}'; a struct's field
 * names are its record's ({@link SentenceAnalysis}, {@link Evidence}, {@link CauseMatch}). Pure; the codecs run on
 * executors and on the driver. {@code DataContractTest} round-trips each one and checks a run's Parquet schemas.
 */
public final class DataContract {
    private DataContract() {}

    /** One field of a struct: its name, Spark type and nullability, and how a record gives its value. */
    public record Field<T>(String name, DataType type, boolean nullable, Function<T, Object> value) {
        StructField structField() {
            return DataTypes.createStructField(name, type, nullable);
        }
    }

    /**
     * A struct with a record behind it: its fields in order (the one place the order is written), its Spark type,
     * and its codec. Rows carry their schema, so decoding reads fields by name.
     */
    public static final class Struct<T> {
        private final List<Field<T>> fields;
        private final StructType type;
        private final Function<Row, T> decode;

        @SafeVarargs
        Struct(Function<Row, T> decode, Field<T>... fields) {
            this.fields = List.of(fields);
            this.type = new StructType(this.fields.stream().map(Field::structField).toArray(StructField[]::new));
            this.decode = decode;
        }

        public StructType type() {
            return type;
        }

        /** The record's values in field order. */
        public Object[] values(T value) {
            Object[] out = new Object[fields.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = fields.get(i).value().apply(value);
            }
            return out;
        }

        /** The record as a row of {@link #type()}. */
        public Row encode(T value) {
            return new GenericRowWithSchema(values(value), type);
        }

        /** The record of a row that has this struct's fields (read by name). */
        public T decode(Row row) {
            return decode.apply(row);
        }

        /** Records as an array column's value (Spark's Seq of rows). */
        public scala.collection.immutable.Seq<Row> encodeAll(List<T> values) {
            List<Row> rows = new ArrayList<>(values.size());
            values.forEach(v -> rows.add(encode(v)));
            return seq(rows);
        }
    }

    // ---- nlp: the sentence, and the five columns the nlp stage appends

    /** One element of {@link Columns#SENTENCES} ({@link SentenceAnalysis}). */
    public static final Struct<SentenceAnalysis> SENTENCE = new Struct<>(DataContract::sentence,
            new Field<>(SentenceAnalysis.INDEX, DataTypes.IntegerType, false, SentenceAnalysis::index),
            new Field<>(SentenceAnalysis.TEXT, DataTypes.StringType, true, SentenceAnalysis::text),
            new Field<>(SentenceAnalysis.SENTIMENT, DataTypes.IntegerType, false, SentenceAnalysis::sentiment),
            new Field<>(SentenceAnalysis.SENTIMENT_PROBABILITIES, DataTypes.createArrayType(DataTypes.DoubleType, false), true,
                    s -> seq(s.sentimentProbabilities())),
            new Field<>(SentenceAnalysis.POLARITY, DataTypes.DoubleType, false, SentenceAnalysis::polarity),
            new Field<>(SentenceAnalysis.TOKEN_BEGIN, DataTypes.IntegerType, false, SentenceAnalysis::tokenBegin),
            new Field<>(SentenceAnalysis.TOKEN_END, DataTypes.IntegerType, false, SentenceAnalysis::tokenEnd),
            new Field<>(SentenceAnalysis.LEMMAS, DataTypes.createArrayType(DataTypes.StringType, false), true,
                    s -> seq(s.lemmas())));

    /** The columns the nlp stage appends, in this order ({@link DocumentAnalysis}). */
    public static final Struct<DocumentAnalysis> NLP = new Struct<>(DataContract::analysis,
            new Field<>(Columns.SENTENCES, DataTypes.createArrayType(SENTENCE.type(), false), true,
                    a -> SENTENCE.encodeAll(a.sentences())),
            new Field<>(Columns.SENTIMENT_SCORE, DataTypes.DoubleType, true, DocumentAnalysis::sentimentScore),
            new Field<>(Columns.SENTIMENT_LABEL, DataTypes.StringType, true, DocumentAnalysis::sentimentLabel),
            new Field<>(Columns.MOST_NEGATIVE_SENTENCE, DataTypes.StringType, true, DocumentAnalysis::mostNegativeSentence),
            new Field<>(Columns.SENTENCES_TOO_LONG, DataTypes.IntegerType, true, DocumentAnalysis::sentencesTooLong));

    /** The sentences of a row that has the {@code sentences} column (an nlp stage output row). */
    public static List<SentenceAnalysis> sentencesOf(Row row) {
        int i = row.fieldIndex(Columns.SENTENCES);
        return row.isNullAt(i) ? List.of() : sentences(row.<Row>getList(i));
    }

    /** The elements of a {@code sentences} column as records, as a UDF receives them; null is no sentences. */
    public static List<SentenceAnalysis> sentences(scala.collection.Seq<Row> structs) {
        return structs == null ? List.of() : sentences(CollectionConverters.asJava(structs));
    }

    private static List<SentenceAnalysis> sentences(List<Row> structs) {
        List<SentenceAnalysis> out = new ArrayList<>(structs.size());
        for (Row s : structs) {
            if (s != null) {
                out.add(SENTENCE.decode(s));
            }
        }
        return List.copyOf(out);
    }

    private static SentenceAnalysis sentence(Row s) {
        int p = s.fieldIndex(SentenceAnalysis.SENTIMENT_PROBABILITIES);
        List<Double> probabilities = s.isNullAt(p) ? List.of() : s.getList(p);
        return new SentenceAnalysis(s.getInt(s.fieldIndex(SentenceAnalysis.INDEX)),
                s.getString(s.fieldIndex(SentenceAnalysis.TEXT)), s.getInt(s.fieldIndex(SentenceAnalysis.SENTIMENT)),
                probabilities, s.getDouble(s.fieldIndex(SentenceAnalysis.POLARITY)),
                s.getInt(s.fieldIndex(SentenceAnalysis.TOKEN_BEGIN)), s.getInt(s.fieldIndex(SentenceAnalysis.TOKEN_END)),
                s.getList(s.fieldIndex(SentenceAnalysis.LEMMAS)));
    }

    private static DocumentAnalysis analysis(Row row) {
        return new DocumentAnalysis(sentencesOf(row),
                row.getDouble(row.fieldIndex(Columns.SENTIMENT_SCORE)),
                row.getString(row.fieldIndex(Columns.SENTIMENT_LABEL)),
                row.getString(row.fieldIndex(Columns.MOST_NEGATIVE_SENTENCE)),
                row.getInt(row.fieldIndex(Columns.SENTENCES_TOO_LONG)));
    }

    // ---- classify: evidence, cause matches, the two columns the classify stage appends, candidate terms

    /** One piece of evidence in {@code causes[].evidence} ({@link Evidence}). */
    public static final Struct<Evidence> EVIDENCE = new Struct<>(DataContract::evidence,
            new Field<>(Evidence.PHRASE, DataTypes.StringType, false, Evidence::phrase),
            new Field<>(Evidence.MATCHED_TEXT, DataTypes.StringType, false, Evidence::matchedText),
            new Field<>(Evidence.SENTENCE_INDEX, DataTypes.IntegerType, false, Evidence::sentenceIndex),
            new Field<>(Evidence.SENTENCE, DataTypes.StringType, true, Evidence::sentence),
            new Field<>(Evidence.SENTENCE_SENTIMENT, DataTypes.IntegerType, false, Evidence::sentenceSentiment),
            new Field<>(Evidence.SENTENCE_POLARITY, DataTypes.DoubleType, false, Evidence::sentencePolarity),
            new Field<>(Evidence.MATCHED_BY, DataTypes.StringType, false, Evidence::matchedBy),
            new Field<>(Evidence.SCORE, DataTypes.DoubleType, true, Evidence::score));

    /** One cause found in a complaint, an element of {@link Columns#CAUSES} ({@link CauseMatch}). */
    public static final Struct<CauseMatch> CAUSE = new Struct<>(DataContract::cause,
            new Field<>(CauseMatch.CAUSE_ID, DataTypes.StringType, false, CauseMatch::causeId),
            new Field<>(CauseMatch.CAUSE_GROUP, DataTypes.StringType, false, CauseMatch::causeGroup),
            new Field<>(CauseMatch.SENTIMENT, DataTypes.DoubleType, false, CauseMatch::sentiment),
            new Field<>(CauseMatch.MATCHED_BY, DataTypes.StringType, false, CauseMatch::matchedBy),
            new Field<>(CauseMatch.EVIDENCE, DataTypes.createArrayType(EVIDENCE.type(), false), false,
                    m -> EVIDENCE.encodeAll(m.evidence())));

    /** The columns the classify stage appends, in this order: the matches and their cause ids. */
    public static final StructType CLASSIFIED = new StructType(new StructField[]{
            DataTypes.createStructField(Columns.CAUSES, DataTypes.createArrayType(CAUSE.type(), false), false),
            DataTypes.createStructField(Columns.CAUSE_IDS, DataTypes.createArrayType(DataTypes.StringType, false), false)});

    /** A row of {@link #CLASSIFIED}. */
    public static Row classified(List<CauseMatch> matches, List<String> causeIds) {
        return new GenericRowWithSchema(new Object[] {CAUSE.encodeAll(matches), seq(causeIds)}, CLASSIFIED);
    }

    /** The causes of a row that has the {@code causes} column (a classify stage output row). */
    public static List<CauseMatch> causesOf(Row row) {
        int i = row.fieldIndex(Columns.CAUSES);
        if (row.isNullAt(i)) {
            return List.of();
        }
        List<CauseMatch> out = new ArrayList<>();
        for (Row c : row.<Row>getList(i)) {
            out.add(CAUSE.decode(c));
        }
        return List.copyOf(out);
    }

    private static Evidence evidence(Row e) {
        int score = e.fieldIndex(Evidence.SCORE);
        return new Evidence(e.getString(e.fieldIndex(Evidence.PHRASE)), e.getString(e.fieldIndex(Evidence.MATCHED_TEXT)),
                e.getInt(e.fieldIndex(Evidence.SENTENCE_INDEX)), e.getString(e.fieldIndex(Evidence.SENTENCE)),
                e.getInt(e.fieldIndex(Evidence.SENTENCE_SENTIMENT)), e.getDouble(e.fieldIndex(Evidence.SENTENCE_POLARITY)),
                e.getString(e.fieldIndex(Evidence.MATCHED_BY)), e.isNullAt(score) ? null : e.getDouble(score));
    }

    /** {@link CauseMatch#matchedBy()} is derived from the evidence, so the stored field is not read back. */
    private static CauseMatch cause(Row c) {
        List<Evidence> evidence = new ArrayList<>();
        for (Row e : c.<Row>getList(c.fieldIndex(CauseMatch.EVIDENCE))) {
            evidence.add(EVIDENCE.decode(e));
        }
        return new CauseMatch(c.getString(c.fieldIndex(CauseMatch.CAUSE_ID)), c.getString(c.fieldIndex(CauseMatch.CAUSE_GROUP)),
                c.getDouble(c.fieldIndex(CauseMatch.SENTIMENT)), List.copyOf(evidence));
    }

    /** A candidate term's column: a lemma or bigram. */
    public static final String TERM = "term";
    /** A candidate term's column: how many complaints hold it. */
    public static final String TERM_COMPLAINTS = "complaints";

    /** {@code OUT/candidates}: per month, the most frequent terms of unclassified negative complaints. */
    public static final StructType CANDIDATE = new StructType(new StructField[]{
            DataTypes.createStructField(Columns.MONTH, DataTypes.StringType, true),
            DataTypes.createStructField(TERM, DataTypes.StringType, true),
            DataTypes.createStructField(TERM_COMPLAINTS, DataTypes.LongType, false)});

    // ---- ingest: the outcomes and every record read

    /**
     * The profile's outcomes in its order, as (name, value) pairs; a null value is an outcome the row does not state.
     * An array, not a map: Spark's set operations (except, intersect, distinct) refuse map columns.
     */
    public static final ArrayType OUTCOMES = DataTypes.createArrayType(new StructType()
            .add(Columns.OUTCOME_NAME, DataTypes.StringType).add(Columns.OUTCOME_VALUE, DataTypes.StringType), false);

    /** Every record read, with its disposition; accepted rows carry the canonical complaint columns. */
    public static final StructType INGESTED = new StructType()
            .add(Columns.COMPLAINT_ID, DataTypes.StringType)
            .add(Columns.SOURCE, DataTypes.StringType, false)
            .add(Columns.SOURCE_FILE, DataTypes.StringType, false)
            .add(Columns.RECORD, DataTypes.LongType, false)
            .add(Columns.CHANNEL, DataTypes.StringType)
            .add(Columns.PRODUCT, DataTypes.StringType)
            .add(Columns.REGION, DataTypes.StringType)
            .add(Columns.SCORE, DataTypes.DoubleType)
            .add(Columns.SCORE_SCALE, DataTypes.StringType)
            .add(Columns.OUTCOMES, OUTCOMES)
            .add(Columns.CREATED_DATE, DataTypes.DateType)
            .add(Columns.MONTH, DataTypes.StringType)
            .add(Columns.TEXT, DataTypes.StringType)
            .add(Columns.DISPOSITION, DataTypes.StringType, false)
            .add(Columns.REASON, DataTypes.StringType)
            .add(Columns.DETAIL, DataTypes.StringType)
            .add(Columns.RAW_RECORD, DataTypes.StringType);

    /** An accepted complaint as ingest hands it on: {@link #INGESTED}'s canonical complaint columns, in its order. */
    public static final StructType COMPLAINT = fieldsOf(INGESTED, Columns.COMPLAINT_ID, Columns.SOURCE,
            Columns.SOURCE_FILE, Columns.RECORD, Columns.CHANNEL, Columns.PRODUCT, Columns.REGION, Columns.SCORE,
            Columns.SCORE_SCALE, Columns.OUTCOMES, Columns.CREATED_DATE, Columns.MONTH, Columns.TEXT);

    /** A filtered or rejected record as {@code OUT/rejects} holds it (raw record and detail redacted by clean). */
    public static final StructType REJECT = fieldsOf(INGESTED, Columns.SOURCE, Columns.SOURCE_FILE, Columns.RECORD,
            Columns.COMPLAINT_ID, Columns.DISPOSITION, Columns.REASON, Columns.DETAIL, Columns.RAW_RECORD);

    // ---- clean: the duplicate marks

    /**
     * The columns the clean stage appends to {@link #COMPLAINT}'s, in the order stored months hold them: the first of a
     * duplicate group is the original, the others name it.
     */
    public static final StructType DUPLICATES = new StructType()
            .add(Columns.DUPLICATE_OF, DataTypes.StringType)
            .add(Columns.IS_DUPLICATE, DataTypes.BooleanType, false);

    // ---- the caches: a key, never the text

    /** The NLP cache's key column: hex SHA-256 of the fingerprint and the text. */
    public static final String NLP_CACHE_KEY = "text_sha256";
    /** A stored analysis: its key, then {@link #NLP}'s columns. */
    public static final StructType NLP_CACHE = keyThen(NLP_CACHE_KEY, NLP.type());

    /** The embedding cache's key column: hex SHA-256 of the sentence's text. */
    public static final String EMBEDDING_CACHE_KEY = "sentence_sha256";
    /** The embedding cache's vector column: the encoder's floats, of unit length. */
    public static final String EMBEDDING = "embedding";
    /** A stored embedding. */
    public static final StructType EMBEDDING_CACHE = new StructType()
            .add(EMBEDDING_CACHE_KEY, DataTypes.StringType, false)
            .add(EMBEDDING, DataTypes.createArrayType(DataTypes.FloatType, false), false);

    /** The name cache's key column: hex SHA-256 of the text the name models read. */
    public static final String NAME_CACHE_KEY = "text_sha256";
    /** The name cache's spans column: the person names as (begin, end) character offsets, end exclusive. */
    public static final String NAME_SPANS = "names";
    /** One person name's character span in a text. */
    public static final StructType NAME_SPAN = new StructType()
            .add("begin", DataTypes.IntegerType, false)
            .add("end", DataTypes.IntegerType, false);
    /** A stored result of the name models: the key and the text's spans (empty when it holds no name). */
    public static final StructType NAME_CACHE = new StructType()
            .add(NAME_CACHE_KEY, DataTypes.StringType, false)
            .add(NAME_SPANS, DataTypes.createArrayType(NAME_SPAN, false), false);

    /** The named fields of a struct, in the order given. */
    private static StructType fieldsOf(StructType struct, String... names) {
        StructType s = new StructType();
        for (String name : names) {
            s = s.add(struct.apply(name));
        }
        return s;
    }

    private static StructType keyThen(String key, StructType rest) {
        StructType s = new StructType().add(key, DataTypes.StringType, false);
        for (StructField f : rest.fields()) {
            s = s.add(f);
        }
        return s;
    }

    private static <T> scala.collection.immutable.Seq<T> seq(List<T> list) {
        return CollectionConverters.asScala(list).toSeq();
    }
}
