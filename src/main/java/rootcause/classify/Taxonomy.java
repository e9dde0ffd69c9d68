package rootcause.classify;

import rootcause.model.CauseInfo;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The root-cause taxonomy: groups and causes with their signal phrases and examples. Built only by
 * {@link TaxonomyLoader}, which validates it, so a Taxonomy is always consistent. Serializable: shipped to executors.
 *
 * @param semantic how the semantic layer decides; null when the taxonomy has no {@code semantic:} block (patterns only)
 */
public record Taxonomy(String id, String version, List<CauseGroup> groups, List<Cause> causes,
                       SemanticSettings semantic) implements Serializable {
    public Taxonomy {
        groups = List.copyOf(groups);
        causes = List.copyOf(causes);
    }

    /** True when the semantic layer runs beside the patterns. */
    public boolean hasSemanticLayer() {
        return semantic != null;
    }

    /** The similarity a model match for this cause needs. */
    public double threshold(Cause cause) {
        return cause.threshold() != null ? cause.threshold() : semantic.threshold();
    }

    /**
     * The thresholds causes set for themselves, by cause id; every other cause uses {@code semantic.threshold}. A
     * sweep or a cross-validation that moves the global threshold holds these, as a run of the taxonomy would.
     */
    public Map<String, Double> ownThresholds() {
        Map<String, Double> own = new LinkedHashMap<>();
        causes.stream().filter(c -> c.threshold() != null).forEach(c -> own.put(c.id(), c.threshold()));
        return own;
    }

    /** This taxonomy with another version and more labelled training sentences for the semantic layer. */
    public Taxonomy withTraining(String newVersion, List<TrainingSentence> training) {
        return new Taxonomy(id, newVersion, groups, causes, semantic.withTraining(training));
    }

    /** This taxonomy with other semantic settings (a sweep's point). */
    public Taxonomy withSemantic(SemanticSettings newSemantic) {
        return new Taxonomy(id, version, groups, causes, newSemantic);
    }

    /** This taxonomy with the semantic layer switched off: patterns only. */
    public Taxonomy patternsOnly() {
        return new Taxonomy(id, version, groups, causes, null);
    }

    public CauseGroup group(String groupId) {
        return groups.stream().filter(g -> g.id().equals(groupId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no group '" + groupId + "' in taxonomy " + id));
    }

    public Cause cause(String causeId) {
        return causes.stream().filter(c -> c.id().equals(causeId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cause '" + causeId + "' in taxonomy " + id));
    }

    /** What the reports need per cause id, in taxonomy order. */
    public Map<String, CauseInfo> causeInfos() {
        Map<String, CauseInfo> infos = new LinkedHashMap<>();
        for (Cause c : causes) {
            infos.put(c.id(), new CauseInfo(c.id(), c.name(), c.group(), group(c.group()).name(), c.description()));
        }
        return infos;
    }
}
