package rootcause.evaluation.causes;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision, recall and F1 of predicted cause sets against gold ones: per cause, micro over all causes, and micro
 * per source. Pure; one instance collects one scoring run.
 */
public final class CauseScores {
    /** True positives, false positives, false negatives. */
    public static final class Counts {
        int tp;
        int fp;
        int fn;

        public int tp() {
            return tp;
        }

        public int fp() {
            return fp;
        }

        public int fn() {
            return fn;
        }

        public double precision() {
            return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
        }

        public double f1() {
            return tp + fp + fn == 0 ? Double.NaN : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        void add(Counts o) {
            tp += o.tp;
            fp += o.fp;
            fn += o.fn;
        }
    }

    private final List<String> causes;
    private final Map<String, Counts> perCause = new LinkedHashMap<>();
    private final Map<String, Counts> perSource = new TreeMap<>();
    private final Counts micro = new Counts();
    private int items;
    private int exact;

    /** @param causes every cause id, in report order */
    public CauseScores(List<String> causes) {
        this.causes = List.copyOf(causes);
        causes.forEach(c -> perCause.put(c, new Counts()));
    }

    /** Adds one item. */
    public void add(String source, Set<String> gold, Set<String> predicted) {
        items++;
        if (gold.equals(predicted)) {
            exact++;
        }
        Counts item = new Counts();
        for (String c : causes) {
            boolean g = gold.contains(c);
            boolean p = predicted.contains(c);
            Counts k = perCause.get(c);
            if (g && p) {
                k.tp++;
                item.tp++;
            } else if (p) {
                k.fp++;
                item.fp++;
            } else if (g) {
                k.fn++;
                item.fn++;
            }
        }
        micro.add(item);
        perSource.computeIfAbsent(source, s -> new Counts()).add(item);
    }

    public Counts micro() {
        return micro;
    }

    public Counts cause(String id) {
        return perCause.get(id);
    }

    public Counts source(String source) {
        return perSource.getOrDefault(source, new Counts());
    }

    public int items() {
        return items;
    }

    /** The table: per cause, then MICRO, then one line per source, then the exact-match share. */
    public void print(PrintWriter out) {
        out.printf("%-26s %5s %5s %5s %7s %7s %7s%n", "cause", "tp", "fp", "fn", "prec", "recall", "f1");
        perCause.forEach((c, k) -> line(out, c, k));
        line(out, "MICRO", micro);
        perSource.forEach((s, k) -> line(out, "  source " + s, k));
        out.printf(Locale.ROOT, "exact label-set match: %d of %d (%s)%n", exact, items, ratio(exact, items));
    }

    private static void line(PrintWriter out, String name, Counts k) {
        out.printf(Locale.ROOT, "%-26s %5d %5d %5d %7s %7s %7s%n", name, k.tp, k.fp, k.fn,
                format(k.precision()), format(k.recall()), format(k.f1()));
    }

    static String ratio(int a, int b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) a / b);
    }

    /** Three decimals, or "n/a" for an undefined ratio. */
    public static String format(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
