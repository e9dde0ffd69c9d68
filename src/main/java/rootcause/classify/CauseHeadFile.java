package rootcause.classify;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import rootcause.embed.Encoder;
import rootcause.embed.SentenceEmbedder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained head as a file ({@code cause-head.json}), written by {@code training/export.py} for the shipped taxonomy
 * and by {@code train-causes} for a bundle: per cause, weights over the encoder's unit vector and a bias; the
 * threshold it was tuned at; the SHA-256 of the encoder it was trained on; what it was trained on.
 */
public record CauseHeadFile(List<String> causes, List<double[]> weights, List<Double> bias, Double threshold,
                            @JsonProperty("encoder_sha256") String encoderSha256, Map<String, Object> training) {

    /** The file of a head, in its causes' order. */
    public static String json(LinearCauseModel head, double threshold, Encoder encoder, Map<String, Object> training) {
        List<double[]> weights = new ArrayList<>();
        List<Double> bias = new ArrayList<>();
        for (int i = 0; i < head.causeIds().size(); i++) {
            weights.add(head.weights(i));
            bias.add(head.bias(i));
        }
        Map<String, Object> facts = new LinkedHashMap<>(training);
        CauseHeadFile file = new CauseHeadFile(head.causeIds(), weights, bias, threshold,
                SentenceEmbedder.modelSha256(encoder), facts);
        try {
            return new ObjectMapper().writeValueAsString(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
