package rootcause.metric;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini–Hochberg q-values: the p-values of the causes tested in one month, adjusted so that calling every cause
 * with q below 0.05 a change keeps the expected share of false calls among them under 5 %. Without it, 23 causes
 * tested at p &lt; 0.05 each month flag about one cause a month by chance alone. Pure.
 */
public final class FalseDiscovery {
    private FalseDiscovery() {}

    /** The q-value of each p-value, in the same order: {@code min over j >= rank of (m / j) p_(j)}, at most 1. */
    public static double[] qValues(double[] pValues) {
        int m = pValues.length;
        Integer[] byP = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(byP, Comparator.comparingDouble(i -> pValues[i]));
        double[] q = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = byP[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
