package rootcause.model;

/**
 * Names of the columns every stage reads and writes; the output contract in the README.
 * Internal, temporary columns start with {@code rc_} so they never collide with an export's own.
 */
public final class Columns {
    private Columns() {}

    // ingest
    public static final String COMPLAINT_ID = "complaint_id";
    public static final String SOURCE = "source";
    public static final String SOURCE_FILE = "source_file";
    /** 1-based record number in the source file, header excluded (a record may span lines). */
    public static final String RECORD = "record";
    public static final String CHANNEL = "channel";
    public static final String PRODUCT = "product";
    public static final String REGION = "region";
    public static final String SCORE = "score";
    /** The scale the profile declares its score on: {@link #NPS_SCALE}, or null (any numeric score). */
    public static final String SCORE_SCALE = "score_scale";
    /** A 0–10 "how likely are you to recommend us" answer (Net Promoter Score). */
    public static final String NPS_SCALE = "nps";
    /** array of struct{name, value}: the profile's {@code outcomes} (e.g. CFPB's company response); empty without. */
    public static final String OUTCOMES = "outcomes";
    public static final String OUTCOME_NAME = "name";
    public static final String OUTCOME_VALUE = "value";
    public static final String CREATED_DATE = "created_date";
    /** Partition column, {@code YYYY-MM}. */
    public static final String MONTH = "month";

    // clean
    public static final String TEXT = "text";
    public static final String IS_DUPLICATE = "is_duplicate";
    public static final String DUPLICATE_OF = "duplicate_of";

    // nlp
    /**
     * array of struct{index, text, sentiment (0-4, -1 unknown), sentiment_probabilities, polarity, token_begin,
     * token_end, lemmas}: field names in {@link SentenceAnalysis}.
     */
    public static final String SENTENCES = "sentences";
    public static final String SENTIMENT_SCORE = "sentiment_score";
    public static final String SENTIMENT_LABEL = "sentiment_label";
    public static final String MOST_NEGATIVE_SENTENCE = "most_negative_sentence";
    public static final String SENTENCES_TOO_LONG = "sentences_too_long";

    // classify
    /** array of struct{cause_id, cause_group, sentiment, evidence array<struct{phrase, matched_text, sentence_index, sentence, sentence_sentiment, sentence_polarity, matched_by, score}>}. */
    public static final String CAUSES = "causes";
    /** array of cause ids; {@code ["unclassified"]} when nothing matched. */
    public static final String CAUSE_IDS = "cause_ids";
    /** Which taxonomy classified the complaint: id, version and the start of its file's SHA-256. */
    public static final String TAXONOMY_VERSION = "taxonomy_version";

    // training
    /** An export's own label column, carried through ingest only for {@code train-sentiment}. */
    public static final String LABEL = "rc_label";

    // rejects
    public static final String DISPOSITION = "disposition";
    public static final String REASON = "reason";
    public static final String DETAIL = "detail";
    public static final String RAW_RECORD = "raw_record";

    public static final String UNCLASSIFIED = "unclassified";
}
