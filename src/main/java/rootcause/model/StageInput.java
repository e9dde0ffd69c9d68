package rootcause.model;

import org.apache.spark.sql.Dataset;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Checks that a stage's input Dataset has the columns the stage reads, before any work starts. */
public final class StageInput {
    private StageInput() {}

    /** Fails naming the stage, the missing columns and the columns present. */
    public static void require(String stage, Dataset<?> input, Collection<String> columns) {
        List<String> present = Arrays.asList(input.columns());
        List<String> missing = columns.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("stage '" + stage + "': input is missing column(s) " + missing
                    + "; columns present: " + present);
        }
    }
}
