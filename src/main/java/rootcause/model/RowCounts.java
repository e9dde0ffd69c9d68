package rootcause.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Where the rows of a run (or of one input file) went, and the one reconciliation rule over them: every row read
 * is accepted, rejected or filtered ({@link #RULE}). The job checks it, the manifest states it (with its result,
 * {@link Reconciliation}), the report shows it and the notebook re-checks the manifest's statement of it.
 */
public record RowCounts(long read, long accepted, long rejected, long filtered) {
    /** The manifest's names of the counts (top level and per file). */
    public static final String READ = "rows_read";
    public static final String ACCEPTED = "rows_accepted";
    public static final String REJECTED = "rows_rejected";
    public static final String FILTERED = "rows_filtered";
    /** The manifest's count of duplicates: accepted rows, so no part of the rule. */
    public static final String DUPLICATES = "duplicates";
    /** The manifest's key of the {@link Reconciliation}. */
    public static final String RECONCILIATION = "reconciliation";
    /** The counts that must add up to {@link #READ}, in the order of {@link #parts()}. */
    public static final List<String> PARTS = List.of(ACCEPTED, REJECTED, FILTERED);
    /** {@code rows_read = rows_accepted + rows_rejected + rows_filtered}. */
    public static final String RULE = READ + " = " + String.join(" + ", PARTS);

    public static final RowCounts ZERO = new RowCounts(0, 0, 0, 0);

    /** The values of {@link #PARTS}, in that order. */
    public long[] parts() {
        return new long[] {accepted, rejected, filtered};
    }

    public boolean reconciles() {
        return read == LongStream.of(parts()).sum();
    }

    /** The rule with this run's numbers, e.g. {@code 29 = 23 + 4 + 2}. */
    public String equation() {
        return equation(Long::toString);
    }

    /** The equation with each number formatted by {@code number}, e.g. with thousands separators. */
    public String equation(LongFunction<String> number) {
        return number.apply(read) + " = " + LongStream.of(parts()).mapToObj(number).collect(Collectors.joining(" + "));
    }

    /** The equation with thousands separators, as reports print counts. */
    public String formattedEquation() {
        return equation(n -> String.format(Locale.ROOT, "%,d", n));
    }

    public RowCounts plus(RowCounts other) {
        return new RowCounts(read + other.read, accepted + other.accepted, rejected + other.rejected,
                filtered + other.filtered);
    }

    public static RowCounts sum(Collection<RowCounts> counts) {
        return counts.stream().reduce(ZERO, RowCounts::plus);
    }

    public Reconciliation reconciliation() {
        return new Reconciliation(RULE, READ, PARTS, equation(), reconciles());
    }

    /**
     * The rule as the manifest states it, with its result: which count is the total, which counts are its parts, the
     * equation with the run's numbers and whether it holds. A reader (the notebook) checks the total against the
     * sum of the named parts instead of writing the rule again.
     */
    public record Reconciliation(@JsonProperty("rule") String rule, @JsonProperty("total") String total,
                                 @JsonProperty("parts") List<String> parts, @JsonProperty("equation") String equation,
                                 @JsonProperty("reconciles") boolean reconciles) {
        public Reconciliation {
            parts = List.copyOf(parts);
        }
    }
}
