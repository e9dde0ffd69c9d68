package rootcause.sentiment;

import java.util.Locale;

/**
 * Counts of (human label, predicted label) over three polarities, and the accuracies derived from them.
 * Pure; immutable (adding returns a new matrix).
 */
public record ConfusionMatrix(long[][] counts) {
    private static final Polarity[] P = Polarity.values();

    public ConfusionMatrix {
        counts = copy(counts);
    }

    public static ConfusionMatrix empty() {
        return new ConfusionMatrix(new long[P.length][P.length]);
    }

    public ConfusionMatrix add(Polarity gold, Polarity predicted) {
        long[][] c = copy(counts);
        c[gold.ordinal()][predicted.ordinal()]++;
        return new ConfusionMatrix(c);
    }

    public long count(Polarity gold, Polarity predicted) {
        return counts[gold.ordinal()][predicted.ordinal()];
    }

    public long total() {
        long t = 0;
        for (long[] row : counts) for (long v : row) t += v;
        return t;
    }

    public long correct() {
        long c = 0;
        for (Polarity p : P) c += count(p, p);
        return c;
    }

    /** Correct over all; a neutral prediction for a polar text counts as wrong. */
    public double accuracy() {
        return ratio(correct(), total());
    }

    /** Predictions that were not neutral. */
    public long polarPredictions() {
        long n = 0;
        for (Polarity gold : P) n += count(gold, Polarity.NEGATIVE) + count(gold, Polarity.POSITIVE);
        return n;
    }

    /** Accuracy among the predictions that were not neutral (the binary SST view). */
    public double polarAccuracy() {
        return ratio(count(Polarity.NEGATIVE, Polarity.NEGATIVE) + count(Polarity.POSITIVE, Polarity.POSITIVE),
                polarPredictions());
    }

    /** Mean over the three classes of F1 (harmonic mean of precision and recall); a class never seen nor predicted scores 0. */
    public double macroF1() {
        double sum = 0;
        for (Polarity p : P) {
            long tp = count(p, p);
            long predicted = 0;
            long gold = 0;
            for (Polarity q : P) {
                predicted += count(q, p);
                gold += count(p, q);
            }
            sum += predicted + gold == 0 ? 0 : 2.0 * tp / (predicted + gold);
        }
        return sum / P.length;
    }

    /** A Markdown table, rows = human label, columns = predicted. */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder("| human \\ predicted | negative | neutral | positive |\n| --- | ---: | ---: | ---: |\n");
        for (Polarity gold : P) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", gold.lowerName(),
                    count(gold, Polarity.NEGATIVE), count(gold, Polarity.NEUTRAL), count(gold, Polarity.POSITIVE)));
        }
        return b.toString();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }

    private static long[][] copy(long[][] c) {
        if (c.length != P.length) throw new IllegalArgumentException("need a " + P.length + "x" + P.length + " matrix");
        long[][] out = new long[P.length][];
        for (int i = 0; i < P.length; i++) {
            if (c[i].length != P.length) throw new IllegalArgumentException("need a " + P.length + "x" + P.length + " matrix");
            out[i] = c[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && java.util.Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return java.util.Arrays.deepToString(counts);
    }
}
