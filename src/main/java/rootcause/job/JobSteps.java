package rootcause.job;

import rootcause.job.tables.MonthWrites;
import rootcause.job.tables.MonthTables;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import rootcause.classify.ClassifyStage;
import rootcause.classify.Taxonomy;
import rootcause.console.Console;
import rootcause.embed.Encoder;
import rootcause.embed.SentenceEmbedder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;
import rootcause.io.OutputLayout;
import rootcause.report.ReportWriter;

/**
 * What {@link RootCauseJob} ({@code run}) and {@link ReclassifyJob} ({@code reclassify}) both do: repair what a killed
 * run left, describe the classify stage's semantic layer on the console, and write the manifests' {@code taxonomy}
 * object.
 */
final class JobSteps {
    private static final Logger LOG = LogManager.getLogger(JobSteps.class);

    /** The {@code taxonomy} object's key naming the taxonomy file, and its value for the built-in taxonomy. */
    static final String TAXONOMY_SOURCE = "source";
    static final String BUILT_IN = "built-in";

    private JobSteps() {}

    /** What a killed run left, repaired before this run writes ({@link MonthTables#recover}). */
    static void recover(MonthTables tables) {
        String recovered = tables.recover();
        if (!recovered.isEmpty()) {
            Console.line("output: " + recovered);
            LOG.info(recovered);
        }
    }

    /** The manifest's reason for rejects not written again. */
    static final String REJECTS_UNCHANGED = "the same raw rejected rows, redacted by the same build and name models, "
            + "as the stored rejects";

    /**
     * The manifest's {@code unchanged} object: per dataset and for the reports, the months a run left as stored, and
     * why; empty when it wrote everything.
     */
    static Map<String, Object> unchanged(Map<String, List<String>> datasets, List<String> reports, boolean rejectsWritten) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!rejectsWritten) {
            out.put(OutputLayout.REJECTS, Map.of("reason", REJECTS_UNCHANGED));
        }
        datasets.forEach((name, months) -> out.put(name, Map.of("months", months, "reason", MonthWrites.UNCHANGED)));
        if (!reports.isEmpty()) {
            out.put(OutputLayout.REPORTS, Map.of("months", List.copyOf(new TreeSet<>(reports)), "reason", ReportWriter.UNCHANGED));
        }
        return out;
    }

    /**
     * What renders the reports, for their fingerprints: the SHA-256 of the application jar, or, for classes not in a
     * jar (tests, an IDE), a fixed name: there a changed template goes unnoticed.
     */
    static String build(String codeSha256) {
        return codeSha256 == null ? "unpackaged classes" : codeSha256;
    }

    /** The classify line's account of the semantic layer: sentences from the embedding cache, sentences embedded. */
    static String semanticDetail(Taxonomy taxonomy, ClassifyStage classify) {
        if (!taxonomy.hasSemanticLayer()) {
            return "patterns only";
        }
        return String.format(Locale.ROOT, "patterns and semantic layer (%,d distinct sentences: %,d from the "
                        + "embedding cache, %,d embedded; %,d of the taxonomy's own embedded)", classify.sentencesLookedUp(),
                classify.sentencesLookedUp() - classify.sentencesEmbedded(), classify.sentencesEmbedded(),
                classify.taxonomySentencesEmbedded());
    }

    /** The manifest's {@code taxonomy} object: which taxonomy classified, from which file, with which layers. */
    static Map<String, String> taxonomyInfo(Taxonomy taxonomy, String file, String taxonomySha256) {
        Map<String, String> taxonomyInfo = new LinkedHashMap<>();
        taxonomyInfo.put("id", taxonomy.id());
        taxonomyInfo.put("version", taxonomy.version());
        taxonomyInfo.put(TAXONOMY_SOURCE, file == null ? BUILT_IN : file);
        taxonomyInfo.put("sha256", taxonomySha256);
        if (taxonomy.hasSemanticLayer()) {
            taxonomyInfo.put("semantic_layer", taxonomy.semantic().toString());
            Encoder encoder = taxonomy.semantic().encoder();
            taxonomyInfo.put("embedding_model", encoder.description() + " from " + encoder.artifact() + ":"
                    + encoder.artifactVersion());
            taxonomyInfo.put("embedding_model_sha256", SentenceEmbedder.modelSha256(encoder));
            taxonomyInfo.put("semantic_decision", taxonomy.semantic().decision().yaml());
        } else {
            taxonomyInfo.put("semantic_layer", "none (patterns only)");
        }
        return taxonomyInfo;
    }
}
