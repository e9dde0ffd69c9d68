package rootcause.metric;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FalseDiscoveryTest {

    // Reference values from scipy.stats.false_discovery_control (method 'bh').
    @Test
    void matchesBenjaminiHochberg() {
        double[] q = FalseDiscovery.qValues(new double[] {0.01, 0.04, 0.03, 0.005, 0.5});
        assertThat(q).containsExactly(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, within(1e-12));
    }

    @Test
    void oneTestIsItsOwnQValueAndNoneIsEmpty() {
        assertThat(FalseDiscovery.qValues(new double[] {0.03})).containsExactly(0.03);
        assertThat(FalseDiscovery.qValues(new double[0])).isEmpty();
    }

    @Test
    void qValuesNeverExceedOne() {
        assertThat(FalseDiscovery.qValues(new double[] {0.9, 0.95, 1.0})).containsExactly(1.0, 1.0, 1.0);
    }
}
