package rootcause.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.util.List;

/**
 * Binds a YAML configuration file (source profile, taxonomy) to records with one strictly configured Jackson mapper.
 * An unknown key is recorded as a problem with its path and dropped, and binding is retried, so every unknown key and
 * the validation problems after it are found in one run; any other binding error (wrong type) is recorded with its
 * path and ends the binding.
 */
public final class YamlConfig {
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    /** More unknown keys than this in one file is not a typo; stop retrying. */
    private static final int MAX_UNKNOWN_KEYS = 200;

    private YamlConfig() {}

    /** The bound record, or null when binding failed (the reasons are then in {@code problems}). */
    public static <T> T bind(String yaml, Class<T> type, ConfigProblems problems) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(yaml);
        } catch (JsonProcessingException e) {
            problems.add(null, "not valid YAML: " + firstLine(e.getOriginalMessage())
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), null);
            return null;
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            problems.add(null, "empty file; expected a mapping", null);
            return null;
        }
        for (int attempt = 0; attempt <= MAX_UNKNOWN_KEYS; attempt++) {
            try {
                return MAPPER.readerFor(type).readValue(tree);
            } catch (UnrecognizedPropertyException e) {
                problems.add(path(e.getPath()), "unknown key; allowed: " + ConfigProblems.sorted(e.getKnownPropertyIds()), null);
                if (!(parentOf(tree, e.getPath()) instanceof ObjectNode parent)) {
                    return null;
                }
                parent.remove(e.getPropertyName());
            } catch (JsonMappingException e) {
                problems.add(path(e.getPath()), firstLine(e.getOriginalMessage()), null);
                return null;
            } catch (java.io.IOException e) {
                problems.add("", "cannot bind: " + e.getMessage(), null);
                return null;
            }
        }
        return null;
    }

    /** The node holding the last key of {@code refs}. */
    private static JsonNode parentOf(JsonNode tree, List<JsonMappingException.Reference> refs) {
        JsonNode node = tree;
        for (JsonMappingException.Reference r : refs.subList(0, Math.max(0, refs.size() - 1))) {
            node = node == null ? null : r.getFieldName() != null ? node.get(r.getFieldName()) : node.get(r.getIndex());
        }
        return node;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
