package rootcause.job;

import rootcause.job.tables.TableFormat;

import rootcause.model.Months;
import org.apache.hadoop.fs.Path;
import rootcause.ingest.InputSpec;
import rootcause.io.Storage;
import rootcause.metric.EmergingRule;
import rootcause.nlp.NlpSettings;

import java.util.List;
import java.util.Set;

/**
 * Everything one run needs, validated on construction.
 *
 * @param inputs   the exports to read, each with its profile
 * @param output   the output folder (its contract is in the README), fully qualified ({@link Storage#path})
 * @param months   months ({@code YYYY-MM}) to process; empty means every month found
 * @param taxonomy path to a taxonomy file or a train-causes bundle folder; null means the built-in taxonomy
 * @param nlp      how CoreNLP is set up
 * @param stopAfter the last stage to run; complaints are written with the columns filled so far
 * @param patternsOnly true to switch the taxonomy's semantic layer off (patterns only: no embedding model)
 * @param sentimentModel {@code default} or a model folder written by {@code train-sentiment}; null means the
 *                       shipped default
 * @param tableFormat how complaints, stats, causes and candidates are stored
 * @param emergingRule when a cause counts as emerging; null means {@link EmergingRule#DEFAULT}
 */
public record JobConfig(List<InputSpec> inputs, Path output, Set<String> months, String taxonomy, NlpSettings nlp,
                        Stage stopAfter, boolean patternsOnly, String sentimentModel, TableFormat tableFormat,
                        EmergingRule emergingRule) {

    /** A run with the default emerging rule. */
    public JobConfig(List<InputSpec> inputs, Path output, Set<String> months, String taxonomy, NlpSettings nlp,
                     Stage stopAfter, boolean patternsOnly, String sentimentModel, TableFormat tableFormat) {
        this(inputs, output, months, taxonomy, nlp, stopAfter, patternsOnly, sentimentModel, tableFormat, EmergingRule.DEFAULT);
    }

    /** A run into plain Parquet, the default. */
    public JobConfig(List<InputSpec> inputs, Path output, Set<String> months, String taxonomy, NlpSettings nlp,
                     Stage stopAfter, boolean patternsOnly, String sentimentModel) {
        this(inputs, output, months, taxonomy, nlp, stopAfter, patternsOnly, sentimentModel, TableFormat.PARQUET);
    }

    /** Stages a run can stop after. {@code clean} is a fast validation run: counts, rejects, redaction. */
    public enum Stage { CLEAN, NLP, CLASSIFY, REPORT;
        public boolean includes(Stage other) {
            return other.ordinal() <= ordinal();
        }
    }

    public JobConfig {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("give at least one --input PROFILE=PATH");
        }
        months.forEach(m -> Months.parse("--months", m));
        // Local paths are checked here, before Spark starts (they need no Hadoop settings); the job checks remote ones.
        for (InputSpec input : inputs) {
            if (Storage.isLocal(input.path())) {
                input.files(Storage.local());
            }
        }
        if (output != null && Storage.isLocal(output)) {
            Storage.local().requireFolderOrAbsent(output, "--output");
        }
        emergingRule = emergingRule == null ? EmergingRule.DEFAULT : emergingRule;
        inputs = List.copyOf(inputs);
        months = Set.copyOf(months);
    }
}
