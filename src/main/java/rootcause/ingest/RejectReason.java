package rootcause.ingest;

/** Why an input row was not accepted. Codes are stable: reports and tests rely on them. */
public enum RejectReason {
    /** The CSV record does not have the header's number of fields, or cannot be parsed. */
    MALFORMED_RECORD("malformed_record"),
    /** A quoted field whose quote never closes; the records after it are recovered ({@link CsvStructure}). */
    UNBALANCED_QUOTE("unbalanced_quote"),
    MISSING_ID("missing_id"),
    UNPARSEABLE_DATE("unparseable_date"),
    EMPTY_TEXT("empty_text"),
    TEXT_TOO_LONG("text_too_long");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Filter reason for valid rows without text, under {@code missing_text: filter}. */
    public static final String NO_TEXT = "no_text";
    /** Filter reason for valid rows outside the months the run was asked for. */
    public static final String MONTH_NOT_SELECTED = "month_not_selected";
}
