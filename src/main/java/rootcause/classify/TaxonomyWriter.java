package rootcause.classify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.util.List;

/**
 * Writes a taxonomy bundle's YAML, the other half of {@link TaxonomyLoader}: a base taxonomy with what
 * {@code train-causes} learned, under a new version. The loader reads it back (the verb checks that it does).
 */
public final class TaxonomyWriter {
    /** The trained head's file in a bundle, beside {@link TaxonomyLoader#BUNDLE_FILE}. */
    public static final String HEAD_FILE = "cause-head.json";

    private TaxonomyWriter() {}

    /** The base taxonomy's YAML with a new version, the chosen threshold, and the bundle's own head ({@link #HEAD_FILE}). */
    public static String withTrainedHead(String baseYaml, String version, double threshold) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode root = retuned(yaml, baseYaml, version, threshold);
        ((ObjectNode) root.get("semantic")).put("head", HEAD_FILE);
        return "# Written by rootcause train-causes: the base taxonomy with its trained head adjusted to labelled complaints\n"
                + "# (" + HEAD_FILE + "). Trained on the analyst's own data: keep it where that data may be kept.\n"
                + yaml.writeValueAsString(root);
    }

    /**
     * The base taxonomy's YAML with a new version, the chosen threshold, and the training sentences appended to its
     * {@code training:}.
     */
    public static String withTrainingSentences(String baseYaml, String version, double threshold,
                                               List<TrainingSentence> sentences) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode root = retuned(yaml, baseYaml, version, threshold);
        ArrayNode training = root.has("training") ? (ArrayNode) root.get("training") : root.putArray("training");
        for (TrainingSentence s : sentences) {
            ObjectNode n = training.addObject();
            n.put("text", s.text());
            ArrayNode shows = n.putArray("shows");
            s.shows().forEach(shows::add);
            if (!s.unknown().isEmpty()) {
                ArrayNode unknown = n.putArray("unknown");
                s.unknown().forEach(unknown::add);
            }
        }
        return "# Written by rootcause train-causes: the base taxonomy plus sentences of labelled complaints (redacted by\n"
                + "# the clean stage). Trained on the analyst's own data: keep it where that data may be kept.\n"
                + yaml.writeValueAsString(root);
    }

    private static ObjectNode retuned(YAMLMapper yaml, String baseYaml, String version, double threshold)
            throws IOException {
        ObjectNode root = (ObjectNode) yaml.readTree(baseYaml);
        root.put("version", version);
        ((ObjectNode) root.get("semantic")).put("threshold", threshold);
        return root;
    }
}
