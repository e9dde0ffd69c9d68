package rootcause.evaluation.causes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rootcause.classify.Taxonomy;
import rootcause.classify.TaxonomyLoader;
import rootcause.evaluation.EvaluationCorpus;
import rootcause.model.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The labels files of train-causes and evaluate-taxonomy, read against the built-in taxonomy. */
class LabelsTest {
    private static final Taxonomy TAXONOMY = TaxonomyLoader.loadDefault();

    /** The project's held-out set (eval/heldout-labels.csv): 100 complaints, every cause id known. */
    @Test
    void readsTheHeldOutLabels() {
        Map<String, Set<String>> labels = Labels.read(Path.of("eval", "heldout-labels.csv"), TAXONOMY);
        assertThat(labels).hasSize(100);
        assertThat(labels.get(EvaluationCorpus.Complaint.key("airline", "569885759513034752"))).containsExactly("waiting");
        assertThat(labels.keySet().stream().filter(k -> k.startsWith("cfpb")).count()).isEqualTo(20);
    }

    @Test
    void reportsEveryProblemAtOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, "source,id,cause_ids\nairline,1,waiting no_such_cause\nairline,1,waiting\ntwcs,2,\n");
        assertThatThrownBy(() -> Labels.read(file, TAXONOMY)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("record 1: unknown cause id 'no_such_cause'")
                .hasMessageContaining("record 2: " + EvaluationCorpus.Complaint.key("airline", "1") + " is labelled twice");
        Files.writeString(file, "source,id,causes\nairline,1,waiting\n");
        assertThatThrownBy(() -> Labels.read(file, TAXONOMY)).hasMessageContaining("no 'cause_ids' column");
    }

    @Test
    void anEmptyCauseListIsAComplaintWithNoCause(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labels.csv");
        Files.writeString(file, "source,id,cause_ids\ntwcs,2,\n");
        assertThat(Labels.read(file, TAXONOMY)).containsEntry(EvaluationCorpus.Complaint.key("twcs", "2"), Set.of());
    }
}
