package rootcause.classify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LinearCauseModelTest {
    private static float[] unit(int dimension, int axis) {
        float[] v = new float[dimension];
        v[axis] = 1f;
        return v;
    }

    @Test
    void fineTuningMovesACauseTowardItsNewLabelsAndKeepsTheOthersAsTheyWere() {
        // A prior head that knows nothing: probability 0.5 for both causes everywhere.
        LinearCauseModel prior = LinearCauseModel.of(List.of("a", "b"), new double[2][4], new double[2]);
        List<LinearCauseModel.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            samples.add(new LinearCauseModel.Sample(unit(4, 0), Set.of("a"), Set.of()));
            samples.add(new LinearCauseModel.Sample(unit(4, 1), Set.of(), Set.of("a")));
        }
        LinearCauseModel tuned = LinearCauseModel.fineTune(prior, samples);
        assertThat(tuned.probability(0, unit(4, 0))).isGreaterThan(0.8);
        assertThat(tuned.probability(0, unit(4, 1))).isLessThan(0.2);
        // No sample says anything about b: it keeps the prior's weights exactly.
        assertThat(tuned.weights(1)).containsExactly(prior.weights(1));
        assertThat(tuned.bias(1)).isEqualTo(prior.bias(1));
        // Deterministic, and the prior itself is untouched.
        assertThat(LinearCauseModel.fineTune(prior, samples).weights(0)).containsExactly(tuned.weights(0));
        assertThat(prior.probability(0, unit(4, 0))).isEqualTo(0.5);
    }
}
